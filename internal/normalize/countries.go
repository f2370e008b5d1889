package normalize

// countryNames maps folded country names and common aliases to ISO 3166-1
// alpha-2 codes.
var countryNames = map[string]string{
	"united states": "US", "united states of america": "US", "usa": "US", "us": "US", "u s": "US",
	"u s a": "US", "america": "US", "the united states": "US",
	"united kingdom": "GB", "uk": "GB", "u k": "GB", "great britain": "GB", "britain": "GB", "england": "GB",
	"scotland": "GB", "wales": "GB", "northern ireland": "GB", "gb": "GB",
	"canada": "CA", "mexico": "MX", "brazil": "BR", "brasil": "BR", "argentina": "AR", "chile": "CL",
	"colombia": "CO", "peru": "PE", "uruguay": "UY", "costa rica": "CR", "puerto rico": "PR",
	"poland": "PL", "polska": "PL", "germany": "DE", "deutschland": "DE", "france": "FR", "spain": "ES",
	"españa": "ES", "espana": "ES", "portugal": "PT", "italy": "IT", "italia": "IT", "netherlands": "NL",
	"the netherlands": "NL", "holland": "NL", "belgium": "BE", "luxembourg": "LU", "ireland": "IE",
	"republic of ireland": "IE", "switzerland": "CH", "austria": "AT", "sweden": "SE", "norway": "NO",
	"denmark": "DK", "finland": "FI", "iceland": "IS", "czech republic": "CZ", "czechia": "CZ",
	"slovakia": "SK", "hungary": "HU", "romania": "RO", "bulgaria": "BG", "greece": "GR", "croatia": "HR",
	"serbia": "RS", "slovenia": "SI", "estonia": "EE", "latvia": "LV", "lithuania": "LT", "ukraine": "UA",
	"turkey": "TR", "türkiye": "TR", "turkiye": "TR", "israel": "IL", "united arab emirates": "AE",
	"uae": "AE", "saudi arabia": "SA", "qatar": "QA", "egypt": "EG", "south africa": "ZA", "nigeria": "NG",
	"kenya": "KE", "morocco": "MA", "india": "IN", "pakistan": "PK", "bangladesh": "BD", "sri lanka": "LK",
	"china": "CN", "people's republic of china": "CN", "hong kong": "HK", "hong kong sar": "HK",
	"taiwan": "TW", "japan": "JP", "south korea": "KR", "korea": "KR", "republic of korea": "KR",
	"korea, republic of": "KR", "singapore": "SG", "malaysia": "MY", "indonesia": "ID", "thailand": "TH",
	"vietnam": "VN", "viet nam": "VN", "philippines": "PH", "the philippines": "PH", "australia": "AU",
	"new zealand": "NZ", "russia": "RU", "russian federation": "RU", "cyprus": "CY", "malta": "MT",
	// names in the countries' own and neighbours' languages
	"méxico": "MX", "perú": "PE", "panamá": "PA", "panama": "PA", "österreich": "AT", "schweiz": "CH",
	"suisse": "CH", "svizzera": "CH", "sverige": "SE", "norge": "NO", "danmark": "DK", "suomi": "FI",
	"nederland": "NL", "belgië": "BE", "belgique": "BE", "česko": "CZ", "magyarország": "HU", "japón": "JP",
	"日本": "JP", "中国": "CN", "대한민국": "KR", "estados unidos": "US", "états-unis": "US", "etats-unis": "US",
	"reino unido": "GB", "royaume-uni": "GB", "vereinigtes königreich": "GB", "allemagne": "DE", "alemania": "DE",
	"canadá": "CA", "irlanda": "IE", "irlande": "IE", "francia": "FR", "frankreich": "FR", "spanien": "ES",
	"espagne": "ES", "italien": "IT", "italie": "IT", "niederlande": "NL", "pays-bas": "NL", "polen": "PL",
	"pologne": "PL", "brésil": "BR", "inde": "IN", "indien": "IN",
	"ecuador": "EC", "ghana": "GH", "rwanda": "RW", "tunisia": "TN", "jordan": "JO", "lebanon": "LB",
	"belarus": "BY", "venezuela": "VE", "guatemala": "GT", "dominican republic": "DO", "el salvador": "SV",
	"bolivia": "BO", "paraguay": "PY", "nepal": "NP", "cambodia": "KH", "mongolia": "MN", "kazakhstan": "KZ",
	"armenia": "AM", "azerbaijan": "AZ", "moldova": "MD", "albania": "AL",
	"north macedonia": "MK", "bosnia and herzegovina": "BA", "montenegro": "ME", "kosovo": "XK", "uganda": "UG",
	"tanzania": "TZ", "ethiopia": "ET", "senegal": "SN", "ivory coast": "CI", "côte d'ivoire": "CI", "algeria": "DZ",
	"oman": "OM", "bahrain": "BH", "kuwait": "KW", "iraq": "IQ", "iran": "IR", "macau": "MO", "macao": "MO",
	"schweden": "SE", "norwegen": "NO",
	"dänemark": "DK", "finnland": "FI", "suède": "SE", "norvège": "NO", "danemark": "DK",
	"finlande": "FI", "autriche": "AT", "belgien": "BE", "chine": "CN", "japon": "JP", "brasilien": "BR",
	"mexiko": "MX", "kanada": "CA", "singapur": "SG", "tschechien": "CZ", "ungarn": "HU", "rumänien": "RO",
	"estland": "EE", "lettland": "LV", "litauen": "LT", "griechenland": "GR",
	"türkei": "TR", "indonesien": "ID", "australien": "AU", "neuseeland": "NZ", "südafrika": "ZA",
	// The rest of ISO 3166-1: every current alpha-2 code by its English
	// short name (CLDR's, as golang.org/x/text/language/display gives it,
	// with "and" for "&" and "saint" for "St.") and usual variants;
	// TestCountryNamesCoverISO_s22 checks the coverage. Left out as bare
	// names: "Georgia" (the US state in a label; "Tbilisi, Georgia" is read
	// by its city, see Location) and "Jersey" ("Jersey City", New Jersey).
	"afghanistan": "AF", "andorra": "AD", "angola": "AO", "anguilla": "AI", "antarctica": "AQ",
	"antigua and barbuda": "AG", "american samoa": "AS", "aruba": "AW", "åland islands": "AX",
	"aland islands": "AX", "bosnia & herzegovina": "BA", "bosnia": "BA", "barbados": "BB",
	"burkina faso": "BF", "burundi": "BI", "benin": "BJ", "saint barthélemy": "BL", "saint barthelemy": "BL",
	"bermuda": "BM", "brunei": "BN", "brunei darussalam": "BN", "caribbean netherlands": "BQ",
	"bonaire": "BQ", "bahamas": "BS", "the bahamas": "BS", "bhutan": "BT", "bouvet island": "BV",
	"botswana": "BW", "belize": "BZ", "cocos (keeling) islands": "CC", "cocos islands": "CC",
	"democratic republic of the congo": "CD", "dr congo": "CD", "congo kinshasa": "CD",
	"central african republic": "CF", "republic of the congo": "CG", "congo brazzaville": "CG",
	"cook islands": "CK", "cameroon": "CM", "cuba": "CU", "cape verde": "CV",
	"cabo verde": "CV", "curaçao": "CW", "curacao": "CW", "christmas island": "CX", "djibouti": "DJ",
	"dominica": "DM", "western sahara": "EH", "eritrea": "ER", "fiji": "FJ", "falkland islands": "FK",
	"micronesia": "FM", "federated states of micronesia": "FM", "faroe islands": "FO", "faroes": "FO",
	"gabon": "GA", "grenada": "GD", "republic of georgia": "GE", "french guiana": "GF", "guernsey": "GG",
	"gibraltar": "GI", "greenland": "GL", "gambia": "GM", "the gambia": "GM", "guinea": "GN",
	"guadeloupe": "GP", "equatorial guinea": "GQ", "south georgia and south sandwich islands": "GS",
	"guam": "GU", "guinea bissau": "GW", "guyana": "GY", "hong kong sar china": "HK",
	"heard and mcdonald islands": "HM", "honduras": "HN", "haiti": "HT", "isle of man": "IM",
	"british indian ocean territory": "IO", "bailiwick of jersey": "JE", "jamaica": "JM",
	"kyrgyzstan": "KG", "kiribati": "KI", "comoros": "KM", "saint kitts and nevis": "KN",
	"north korea": "KP", "cayman islands": "KY", "laos": "LA", "saint lucia": "LC",
	"liechtenstein": "LI", "liberia": "LR", "lesotho": "LS", "libya": "LY", "monaco": "MC",
	"saint martin": "MF", "madagascar": "MG", "marshall islands": "MH", "macedonia": "MK", "mali": "ML",
	"myanmar": "MM", "myanmar (burma)": "MM", "burma": "MM", "macau sar china": "MO",
	"northern mariana islands": "MP", "martinique": "MQ", "mauritania": "MR", "montserrat": "MS",
	"mauritius": "MU", "maldives": "MV", "malawi": "MW", "mozambique": "MZ", "namibia": "NA",
	"new caledonia": "NC", "niger": "NE", "norfolk island": "NF", "nicaragua": "NI", "nauru": "NR",
	"niue": "NU", "french polynesia": "PF", "papua new guinea": "PG", "saint pierre and miquelon": "PM",
	"pitcairn islands": "PN", "palestinian territories": "PS", "palestine": "PS", "palau": "PW",
	"réunion": "RE", "reunion": "RE", "solomon islands": "SB", "seychelles": "SC", "sudan": "SD",
	"saint helena": "SH", "svalbard and jan mayen": "SJ", "sierra leone": "SL", "san marino": "SM",
	"somalia": "SO", "suriname": "SR", "south sudan": "SS", "são tomé and príncipe": "ST",
	"sao tome and principe": "ST", "sint maarten": "SX", "syria": "SY", "eswatini": "SZ",
	"swaziland": "SZ", "turks and caicos islands": "TC", "chad": "TD", "french southern territories": "TF",
	"togo": "TG", "tajikistan": "TJ", "tokelau": "TK", "timor leste": "TL", "east timor": "TL",
	"turkmenistan": "TM", "tonga": "TO", "trinidad and tobago": "TT", "trinidad & tobago": "TT",
	"tuvalu": "TV", "us outlying islands": "UM", "uzbekistan": "UZ", "vatican city": "VA",
	"vatican": "VA", "holy see": "VA", "saint vincent and grenadines": "VC",
	"saint vincent and the grenadines": "VC", "british virgin islands": "VG", "us virgin islands": "VI",
	"vanuatu": "VU", "wallis and futuna": "WF", "samoa": "WS", "yemen": "YE", "mayotte": "YT",
	"zambia": "ZM", "zimbabwe": "ZW", "antigua & barbuda": "AG",
}

// isoCodes are the two-letter codes accepted as a country when a label ends
// in one ("Berlin, DE" is read as Delaware only when DE is not followed by a
// known non-US city; see Location).
var isoCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range countryNames {
		m[c] = true
	}
	return m
}()

// usStates maps state names and postal abbreviations to the state name.
var usStates = map[string]string{}

// caProvinces maps Canadian province abbreviations to names.
var caProvinces = map[string]string{
	"ON": "Ontario", "QC": "Quebec", "BC": "British Columbia", "AB": "Alberta", "MB": "Manitoba",
	"SK": "Saskatchewan", "NS": "Nova Scotia", "NB": "New Brunswick", "NL": "Newfoundland and Labrador",
	"PE": "Prince Edward Island",
}

// caProvinceNames maps folded province names to names.
var caProvinceNames = map[string]string{}

func init() {
	states := []struct{ abbr, name string }{
		{"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"}, {"CA", "California"},
		{"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"}, {"FL", "Florida"}, {"GA", "Georgia"},
		{"HI", "Hawaii"}, {"ID", "Idaho"}, {"IL", "Illinois"}, {"IN", "Indiana"}, {"IA", "Iowa"},
		{"KS", "Kansas"}, {"KY", "Kentucky"}, {"LA", "Louisiana"}, {"ME", "Maine"}, {"MD", "Maryland"},
		{"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"}, {"MS", "Mississippi"},
		{"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"}, {"NH", "New Hampshire"},
		{"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"}, {"NC", "North Carolina"},
		{"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"}, {"OR", "Oregon"}, {"PA", "Pennsylvania"},
		{"RI", "Rhode Island"}, {"SC", "South Carolina"}, {"SD", "South Dakota"}, {"TN", "Tennessee"},
		{"TX", "Texas"}, {"UT", "Utah"}, {"VT", "Vermont"}, {"VA", "Virginia"}, {"WA", "Washington"},
		{"WV", "West Virginia"}, {"WI", "Wisconsin"}, {"WY", "Wyoming"}, {"DC", "District of Columbia"},
	}
	for _, s := range states {
		usStates[s.abbr] = s.name
		usStates[foldPlace(s.name)] = s.name
	}
	usStates["washington dc"] = "District of Columbia"
	usStates["washington d c"] = "District of Columbia"
	usStates["d c"] = "District of Columbia"
	usStates["dc"] = "District of Columbia" // "D.C."
	for _, name := range caProvinces {
		caProvinceNames[foldPlace(name)] = name
	}
}

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

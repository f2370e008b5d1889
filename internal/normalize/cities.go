package normalize

import "strings"

// cityRows are cities that postings often name without a region or a
// country: "name|region|country[|alias|alias...]". The region is the
// first-level division's usual English name (a US state, a Canadian
// province, England/Scotland/Wales for a UK city, a German state, ...).
// City-states and cities that share their region's name (Hamburg, Berlin,
// New York, Mexico City, Singapore, Luxembourg) are listed like the others.
var cityRows = []string{
	// United States
	"New York|New York|US|=new york city|=nyc|=new york ny", "San Francisco|California|US|sf",
	"Los Angeles|California|US|la", "San Jose|California|US", "San Diego|California|US", "Los Gatos|California|US",
	"Hollywood|California|US", "Palo Alto|California|US", "Mountain View|California|US", "Menlo Park|California|US",
	"Sunnyvale|California|US", "Santa Clara|California|US", "Cupertino|California|US", "Redwood City|California|US",
	"San Mateo|California|US", "Oakland|California|US", "Berkeley|California|US", "Irvine|California|US",
	"Santa Monica|California|US", "Sacramento|California|US", "Seattle|Washington|US", "Bellevue|Washington|US",
	"Redmond|Washington|US", "Kirkland|Washington|US", "Boston|Massachusetts|US", "Cambridge|Massachusetts|US",
	"Chicago|Illinois|US", "Austin|Texas|US", "Dallas|Texas|US", "Houston|Texas|US", "San Antonio|Texas|US",
	"Denver|Colorado|US", "Boulder|Colorado|US", "Atlanta|Georgia|US", "Miami|Florida|US", "Tampa|Florida|US",
	"Orlando|Florida|US", "Fort Lauderdale|Florida|US", "Washington|District of Columbia|US|=washington dc|=washington d c",
	"Arlington|Virginia|US", "Reston|Virginia|US", "Philadelphia|Pennsylvania|US", "Pittsburgh|Pennsylvania|US",
	"Phoenix|Arizona|US", "Scottsdale|Arizona|US", "Portland|Oregon|US", "Salt Lake City|Utah|US",
	"Lehi|Utah|US", "Minneapolis|Minnesota|US", "Detroit|Michigan|US", "Ann Arbor|Michigan|US",
	"Nashville|Tennessee|US", "Raleigh|North Carolina|US", "Durham|North Carolina|US", "Charlotte|North Carolina|US",
	"Columbus|Ohio|US", "Cleveland|Ohio|US", "Indianapolis|Indiana|US", "St. Louis|Missouri|US|saint louis|st louis",
	"Kansas City|Missouri|US", "Baltimore|Maryland|US", "Las Vegas|Nevada|US", "Jersey City|New Jersey|US",
	"Hoboken|New Jersey|US", "Newark|New Jersey|US", "Stamford|Connecticut|US", "Providence|Rhode Island|US",
	"Madison|Wisconsin|US", "Milwaukee|Wisconsin|US", "New Orleans|Louisiana|US", "Honolulu|Hawaii|US",
	// Canada
	"Toronto|Ontario|CA", "Ottawa|Ontario|CA", "Waterloo|Ontario|CA", "Vancouver|British Columbia|CA",
	"Victoria|British Columbia|CA", "Montreal|Quebec|CA|montréal", "Quebec City|Quebec|CA|québec city|ville de québec",
	"Calgary|Alberta|CA", "Edmonton|Alberta|CA", "Winnipeg|Manitoba|CA", "Halifax|Nova Scotia|CA",
	// United Kingdom and Ireland
	"London|England|GB", "Manchester|England|GB", "Birmingham|England|GB", "Bristol|England|GB", "Leeds|England|GB",
	"Cambridge|England|GB", "Oxford|England|GB", "Brighton|England|GB", "Reading|England|GB", "Newcastle|England|GB",
	"Liverpool|England|GB", "Sheffield|England|GB", "Nottingham|England|GB", "Edinburgh|Scotland|GB",
	"Glasgow|Scotland|GB", "Cardiff|Wales|GB", "Belfast|Northern Ireland|GB", "Dublin||IE", "Cork||IE",
	// Europe
	"Berlin|Berlin|DE", "Hamburg|Hamburg|DE", "Munich|Bavaria|DE|münchen|muenchen", "Nuremberg|Bavaria|DE|nürnberg",
	"Frankfurt|Hesse|DE|frankfurt am main", "Cologne|North Rhine-Westphalia|DE|köln", "Düsseldorf|North Rhine-Westphalia|DE|dusseldorf",
	"Stuttgart|Baden-Württemberg|DE", "Karlsruhe|Baden-Württemberg|DE", "Leipzig|Saxony|DE", "Dresden|Saxony|DE",
	"Hanover|Lower Saxony|DE|hannover", "Bremen|Bremen|DE", "Vienna||AT|wien", "Zurich||CH|zürich", "Geneva||CH|genève",
	"Basel||CH", "Lausanne||CH", "Bern||CH", "Amsterdam||NL", "Rotterdam||NL", "Utrecht||NL", "The Hague||NL|den haag",
	"Eindhoven||NL", "Brussels||BE|bruxelles", "Antwerp||BE", "Luxembourg||LU|luxembourg city", "Paris|Île-de-France|FR",
	"Lyon||FR", "Toulouse||FR", "Marseille||FR", "Nantes||FR", "Bordeaux||FR", "Lille||FR", "Madrid||ES",
	"Barcelona|Catalonia|ES", "Valencia||ES", "Malaga||ES|málaga", "Seville||ES|sevilla", "Lisbon||PT|lisboa", "Porto||PT",
	"Rome||IT|roma", "Milan||IT|milano", "Turin||IT|torino", "Stockholm||SE", "Gothenburg||SE|göteborg", "Malmö||SE|malmo",
	"Copenhagen||DK|københavn|kobenhavn", "Aarhus||DK", "Oslo||NO", "Helsinki||FI", "Reykjavik||IS",
	"Warsaw||PL|warszawa", "Krakow||PL|kraków", "Wroclaw||PL|wrocław", "Gdansk||PL|gdańsk", "Poznan||PL|poznań",
	"Prague||CZ|praha", "Brno||CZ", "Budapest||HU", "Bucharest||RO|bucurești", "Cluj-Napoca||RO|cluj", "Sofia||BG",
	"Athens||GR", "Belgrade||RS", "Zagreb||HR", "Ljubljana||SI", "Tallinn||EE", "Riga||LV", "Vilnius||LT",
	"Kyiv||UA|kiev", "Lviv||UA", "Istanbul||TR", "Ankara||TR", "Tel Aviv||IL|tel aviv-yafo|tel aviv yafo", "Haifa||IL",
	"Jerusalem||IL", "Dubai||AE", "Abu Dhabi||AE", "Riyadh||SA", "Doha||QA", "Cairo||EG", "Nairobi||KE", "Lagos||NG",
	"Cape Town||ZA", "Johannesburg||ZA", "Limassol||CY", "Nicosia||CY", "Valletta||MT",
	// Asia-Pacific
	"Tokyo||JP", "Osaka||JP", "Seoul||KR", "Singapore||SG", "Hong Kong||HK", "Taipei||TW", "Shanghai||CN",
	"Beijing||CN", "Shenzhen||CN", "Manila||PH", "Jakarta||ID", "Bangkok||TH", "Kuala Lumpur||MY",
	"Ho Chi Minh City||VN", "Hanoi||VN", "Mumbai|Maharashtra|IN|bombay", "Pune|Maharashtra|IN",
	"Bangalore|Karnataka|IN", "Bengaluru|Karnataka|IN", "Hyderabad|Telangana|IN", "Chennai|Tamil Nadu|IN",
	"New Delhi|Delhi|IN|delhi", "Gurgaon|Haryana|IN|gurugram", "Noida|Uttar Pradesh|IN", "Kolkata|West Bengal|IN",
	"Sydney|New South Wales|AU", "Melbourne|Victoria|AU", "Brisbane|Queensland|AU", "Perth|Western Australia|AU",
	"Adelaide|South Australia|AU", "Canberra|Australian Capital Territory|AU", "Auckland||NZ", "Wellington||NZ",
	// Latin America
	"Mexico City|Mexico City|MX|ciudad de méxico|ciudad de mexico|cdmx", "Guadalajara|Jalisco|MX", "Monterrey|Nuevo León|MX",
	"São Paulo|São Paulo|BR|sao paulo", "Rio de Janeiro|Rio de Janeiro|BR", "Belo Horizonte|Minas Gerais|BR",
	"Florianópolis|Santa Catarina|BR|florianopolis", "Buenos Aires||AR", "Santiago||CL", "Bogota||CO|bogotá",
	"Medellin||CO|medellín", "Lima||PE", "Montevideo||UY", "San José||CR",
}

type cityInfo struct {
	city, region, country string
	canonical             bool // the name replaces the label's spelling ("NYC" -> "New York")
}

// knownCities maps folded city names and aliases to the city. An alias
// keeps the label's spelling ("København", "Frankfurt am Main") unless
// written with "=".
var knownCities = func() map[string]cityInfo {
	m := map[string]cityInfo{}
	for _, row := range cityRows {
		f := strings.Split(row, "|")
		c := cityInfo{city: f[0], region: f[1], country: f[2]}
		for i, name := range append([]string{f[0]}, f[3:]...) {
			c.canonical = i == 0 || strings.HasPrefix(name, "=")
			k := foldPlace(strings.TrimPrefix(name, "="))
			if _, dup := m[k]; !dup {
				m[k] = c
			}
		}
	}
	return m
}()

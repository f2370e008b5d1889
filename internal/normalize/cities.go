package normalize

import (
	"cmp"
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// cityRows are cities that postings often name without a region or a
// country: "name|region|country[|alias|alias...]". The region is the
// first-level division's usual English name (a US state, a Canadian
// province, England/Scotland/Wales for a UK city, a German state, ...).
// City-states and cities that share their region's name (Hamburg, Berlin,
// New York, Mexico City, Singapore, Luxembourg) are listed like the others.
var cityRows = []string{
	// United States
	"New York|New York|US|=new york city|=nyc|=new york ny|=纽约", "San Francisco|California|US|=sf|=旧金山|=san francisco bay area|=sf bay area|=bay area",
	"Los Angeles|California|US|la", "San Jose|California|US", "San Diego|California|US", "Los Gatos|California|US",
	"Hollywood|California|US", "Palo Alto|California|US", "Mountain View|California|US", "Menlo Park|California|US",
	"Sunnyvale|California|US", "Santa Clara|California|US", "Cupertino|California|US", "Redwood City|California|US",
	"San Mateo|California|US", "Oakland|California|US", "Berkeley|California|US", "Irvine|California|US",
	"Santa Monica|California|US", "Sacramento|California|US", "Seattle|Washington|US|=西雅图", "Bellevue|Washington|US",
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
	"Toronto|Ontario|CA|=多伦多", "Ottawa|Ontario|CA", "Waterloo|Ontario|CA", "Vancouver|British Columbia|CA|=温哥华",
	"Victoria|British Columbia|CA", "Montreal|Quebec|CA|montréal", "Quebec City|Quebec|CA|québec city|ville de québec",
	"Calgary|Alberta|CA", "Edmonton|Alberta|CA", "Winnipeg|Manitoba|CA", "Halifax|Nova Scotia|CA",
	// United Kingdom and Ireland
	"London|England|GB|=伦敦|=ロンドン", "Manchester|England|GB", "Birmingham|England|GB", "Bristol|England|GB", "Leeds|England|GB",
	"Cambridge|England|GB", "Oxford|England|GB", "Brighton|England|GB", "Reading|England|GB", "Newcastle|England|GB",
	"Liverpool|England|GB", "Sheffield|England|GB", "Nottingham|England|GB", "Edinburgh|Scotland|GB",
	"Glasgow|Scotland|GB", "Cardiff|Wales|GB", "Belfast|Northern Ireland|GB", "Dublin||IE", "Cork||IE",
	// Europe
	"Berlin|Berlin|DE|=柏林", "Hamburg|Hamburg|DE", "Munich|Bavaria|DE|=münchen|=muenchen", "Nuremberg|Bavaria|DE|=nürnberg",
	"Frankfurt|Hesse|DE|frankfurt am main", "Cologne|North Rhine-Westphalia|DE|=köln|=koeln", "Düsseldorf|North Rhine-Westphalia|DE|dusseldorf",
	"Stuttgart|Baden-Württemberg|DE", "Münster|North Rhine-Westphalia|DE", "Dortmund|North Rhine-Westphalia|DE",
	"Essen|North Rhine-Westphalia|DE", "Bonn|North Rhine-Westphalia|DE", "Aachen|North Rhine-Westphalia|DE",
	"Heidelberg|Baden-Württemberg|DE", "Freiburg|Baden-Württemberg|DE", "Mainz|Rhineland-Palatinate|DE",
	"Potsdam|Brandenburg|DE", "Kiel|Schleswig-Holstein|DE", "Trondheim|Trøndelag|NO", "Bergen|Vestland|NO",
	"Stavanger|Rogaland|NO", "Tampere|Pirkanmaa|FI", "Uppsala|Uppsala County|SE", "Odense|Region of Southern Denmark|DK",
	"Ghent|Flanders|BE|gent", "Leuven|Flanders|BE", "Graz|Styria|AT", "Salzburg|Salzburg|AT", "Innsbruck|Tyrol|AT",
	"Bilbao|Basque Country|ES", "Zaragoza|Aragon|ES", "Nice|Provence-Alpes-Côte d'Azur|FR", "Montpellier|Occitania|FR",
	"Rennes|Brittany|FR", "Strasbourg|Grand Est|FR", "Grenoble|Auvergne-Rhône-Alpes|FR", "Bologna|Emilia-Romagna|IT",
	"Florence|Tuscany|IT|=firenze", "Naples|Campania|IT|=napoli", "Braga|Braga|PT", "Coimbra|Coimbra|PT",
	"Katowice|Silesian Voivodeship|PL", "Lodz|Łódź Voivodeship|PL|łódź", "Timisoara|Timiș|RO|timișoara",
	"Iasi|Iași|RO|iași", "Novi Sad|Vojvodina|RS", "Thessaloniki|Central Macedonia|GR", "Minsk|Minsk|BY", "Karlsruhe|Baden-Württemberg|DE", "Leipzig|Saxony|DE", "Dresden|Saxony|DE",
	"Hanover|Lower Saxony|DE|=hannover", "Bremen|Bremen|DE", "Vienna|Vienna|AT|=wien", "Zurich|Zurich|CH|=zürich|=zuerich", "Geneva|Geneva|CH|=genève|=geneve|=genf",
	"Basel|Basel-Stadt|CH|=basle", "Lausanne|Vaud|CH", "Bern|Bern|CH|=berne", "Amsterdam|North Holland|NL", "Rotterdam|South Holland|NL", "Utrecht|Utrecht|NL", "The Hague|South Holland|NL|=den haag",
	"Eindhoven|North Brabant|NL", "Brussels|Brussels|BE|=bruxelles|=brussel", "Antwerp|Flanders|BE|=antwerpen", "Bruges|Flanders|BE|=brugge", "Leuven|Flanders|BE", "Lucerne|Lucerne|CH|=luzern", "Luxembourg||LU|=luxembourg city", "Monaco||MC", "Paris|Île-de-France|FR|=巴黎",
	"Lyon|Auvergne-Rhône-Alpes|FR", "Toulouse|Occitania|FR", "Marseille|Provence-Alpes-Côte d'Azur|FR", "Nantes|Pays de la Loire|FR", "Bordeaux|Nouvelle-Aquitaine|FR", "Lille|Hauts-de-France|FR", "Madrid|Community of Madrid|ES",
	"Barcelona|Catalonia|ES", "Valencia|Valencian Community|ES", "Malaga|Andalusia|ES|=málaga", "Seville|Andalusia|ES|=sevilla", "Lisbon|Lisbon|PT|=lisboa", "Porto|Porto|PT",
	"Rome|Lazio|IT|=roma", "Milan|Lombardy|IT|=milano", "Turin|Piedmont|IT|=torino", "Stockholm|Stockholm County|SE", "Gothenburg|Västra Götaland|SE|=göteborg", "Malmö|Skåne|SE|malmo",
	"Copenhagen|Capital Region of Denmark|DK|=københavn|=kobenhavn|=kjøbenhavn", "Aarhus|Central Denmark Region|DK|=århus", "Oslo|Oslo|NO", "Helsinki|Uusimaa|FI|=helsingfors", "Reykjavik|Capital Region|IS",
	"Warsaw|Masovian Voivodeship|PL|=warszawa", "Krakow|Lesser Poland Voivodeship|PL|=kraków|=cracow", "Wroclaw|Lower Silesian Voivodeship|PL|=wrocław", "Gdansk|Pomeranian Voivodeship|PL|=gdańsk", "Poznan|Greater Poland Voivodeship|PL|=poznań",
	"Prague|Prague|CZ|=praha", "Brno|South Moravian Region|CZ", "Budapest|Budapest|HU", "Bucharest|Bucharest|RO|=bucurești|=bucuresti", "Cluj-Napoca|Cluj|RO|cluj", "Sofia|Sofia City|BG",
	"Athens|Attica|GR", "Belgrade|Belgrade|RS|=beograd", "Zagreb|Zagreb|HR", "Ljubljana||SI", "Tallinn|Harju County|EE", "Riga|Riga|LV", "Vilnius|Vilnius County|LT",
	"Kyiv|Kyiv|UA|=kiev", "Lviv|Lviv Oblast|UA|=lvov", "Odesa|Odesa|UA|=odessa", "Kharkiv|Kharkiv|UA|=kharkov", "Istanbul|Istanbul|TR", "Ankara|Ankara|TR", "Tel Aviv|Tel Aviv District|IL|=tel aviv-yafo|=tel aviv yafo", "Haifa|Haifa District|IL",
	"Jerusalem|Jerusalem District|IL", "Dubai|Dubai|AE", "Abu Dhabi|Abu Dhabi|AE", "Riyadh|Riyadh Province|SA", "Doha||QA", "Cairo|Cairo|EG", "Nairobi|Nairobi|KE", "Lagos|Lagos|NG",
	"Cape Town|Western Cape|ZA", "Johannesburg|Gauteng|ZA", "Limassol|Limassol|CY", "Nicosia|Nicosia|CY", "Valletta||MT",
	// Asia-Pacific
	"Tokyo|Tokyo|JP|=東京|=东京", "Osaka|Osaka|JP|=大阪", "Seoul|Seoul|KR|=서울", "Singapore||SG|=新加坡", "Hong Kong||HK|=香港", "Taipei|Taipei|TW|=台北|=臺北", "Shanghai|Shanghai|CN|=上海",
	"Beijing|Beijing|CN|=北京", "Shenzhen|Guangdong|CN|=深圳", "Guangzhou|Guangdong|CN|=广州",
	"Hangzhou|Zhejiang|CN|=杭州", "Chengdu|Sichuan|CN|=成都", "Nanjing|Jiangsu|CN|=南京", "Suzhou|Jiangsu|CN|=苏州",
	"Wuhan|Hubei|CN|=武汉", "Xi'an|Shaanxi|CN|=西安|xian", "Tianjin|Tianjin|CN|=天津", "Chongqing|Chongqing|CN|=重庆",
	"Xiamen|Fujian|CN|=厦门", "Hefei|Anhui|CN|=合肥", "Changsha|Hunan|CN|=长沙", "Qingdao|Shandong|CN|=青岛",
	"Dalian|Liaoning|CN|=大连", "Zhuhai|Guangdong|CN|=珠海", "Manila|Metro Manila|PH", "Jakarta|Jakarta|ID", "Bangkok|Bangkok|TH", "Kuala Lumpur|Kuala Lumpur|MY",
	"Ho Chi Minh City|Ho Chi Minh City|VN|=saigon|=hcmc", "Hanoi|Hanoi|VN", "Mumbai|Maharashtra|IN|bombay", "Pune|Maharashtra|IN",
	"Bangalore|Karnataka|IN", "Bengaluru|Karnataka|IN", "Hyderabad|Telangana|IN", "Chennai|Tamil Nadu|IN|=madras",
	"New Delhi|Delhi|IN|delhi", "Gurgaon|Haryana|IN|gurugram", "Noida|Uttar Pradesh|IN", "Kolkata|West Bengal|IN|=calcutta", "Bhubaneswar|Odisha|IN|=bhubaneshwar", "Visakhapatnam|Andhra Pradesh|IN|=vizag", "Colombo|Western Province|LK",
	"Sydney|New South Wales|AU|=悉尼", "Melbourne|Victoria|AU", "Brisbane|Queensland|AU", "Perth|Western Australia|AU",
	"Adelaide|South Australia|AU", "Canberra|Australian Capital Territory|AU", "Auckland|Auckland|NZ", "Wellington|Wellington|NZ",
	// Latin America
	"Mexico City|Mexico City|MX|=ciudad de méxico|=ciudad de mexico|=cdmx", "Guadalajara|Jalisco|MX", "Monterrey|Nuevo León|MX",
	"São Paulo|São Paulo|BR|sao paulo", "Rio de Janeiro|Rio de Janeiro|BR", "Belo Horizonte|Minas Gerais|BR",
	"Florianópolis|Santa Catarina|BR|florianopolis", "Buenos Aires|Buenos Aires|AR", "Santiago|Santiago Metropolitan Region|CL|=santiago de chile", "Bogota|Bogota|CO|bogotá",
	"Medellin|Antioquia|CO|medellín", "Lima|Lima|PE", "Montevideo|Montevideo|UY", "San José|San José|CR",
	// more places where tech jobs are (regions: the first-level division's
	// usual English name)
	"Boise|Idaho|US", "Albuquerque|New Mexico|US", "Tucson|Arizona|US", "Tempe|Arizona|US", "Omaha|Nebraska|US",
	"Des Moines|Iowa|US", "Louisville|Kentucky|US", "Richmond|Virginia|US", "Herndon|Virginia|US", "McLean|Virginia|US",
	"Alexandria|Virginia|US", "Bethesda|Maryland|US", "Rockville|Maryland|US", "Cincinnati|Ohio|US", "Buffalo|New York|US",
	"Rochester|New York|US", "Albany|New York|US", "Brooklyn|New York|US", "Hartford|Connecticut|US", "New Haven|Connecticut|US",
	"Princeton|New Jersey|US", "Santa Barbara|California|US", "Fremont|California|US", "Burlingame|California|US",
	"South San Francisco|California|US", "Emeryville|California|US", "Pasadena|California|US", "El Segundo|California|US",
	"Culver City|California|US", "Long Beach|California|US", "San Bruno|California|US", "Foster City|California|US",
	"Milpitas|California|US", "Fort Collins|Colorado|US", "Colorado Springs|Colorado|US", "Somerville|Massachusetts|US",
	"Waltham|Massachusetts|US", "Chapel Hill|North Carolina|US", "Ithaca|New York|US", "Plano|Texas|US", "Irving|Texas|US",
	"Fort Worth|Texas|US", "Round Rock|Texas|US", "Jacksonville|Florida|US", "St. Petersburg|Florida|US", "Provo|Utah|US",
	"Spokane|Washington|US", "Tacoma|Washington|US", "Anchorage|Alaska|US", "Memphis|Tennessee|US", "Oklahoma City|Oklahoma|US",
	"Kitchener|Ontario|CA", "Mississauga|Ontario|CA", "Markham|Ontario|CA", "Hamilton|Ontario|CA", "Saskatoon|Saskatchewan|CA",
	"Regina|Saskatchewan|CA", "Gatineau|Quebec|CA", "Sherbrooke|Quebec|CA", "Kelowna|British Columbia|CA", "Burnaby|British Columbia|CA",
	"Harwell|England|GB", "Warrington|England|GB", "Didcot|England|GB", "Milton Keynes|England|GB", "Swindon|England|GB",
	"Guildford|England|GB", "Southampton|England|GB", "Portsmouth|England|GB", "Exeter|England|GB", "Bath|England|GB",
	"York|England|GB", "Norwich|England|GB", "Leicester|England|GB", "Coventry|England|GB", "Aberdeen|Scotland|GB",
	"Dundee|Scotland|GB", "Swansea|Wales|GB", "Galway||IE", "Limerick||IE",
	"Kristiansand|Agder|NO", "Tromsø|Troms|NO|tromso", "Drammen|Buskerud|NO", "Fredrikstad|Østfold|NO", "Sandnes|Rogaland|NO",
	"Bodø|Nordland|NO|bodo", "Ålesund|Møre og Romsdal|NO|alesund", "Hamar|Innlandet|NO", "Gjøvik|Innlandet|NO",
	"Lillehammer|Innlandet|NO", "Fornebu|Akershus|NO", "Lysaker|Akershus|NO", "Linköping|Östergötland|SE|linkoping",
	"Lund|Skåne|SE", "Västerås|Västmanland|SE|vasteras", "Örebro|Örebro County|SE|orebro", "Umeå|Västerbotten|SE|umea",
	"Helsingborg|Skåne|SE", "Norrköping|Östergötland|SE|norrkoping", "Jönköping|Jönköping County|SE|jonkoping",
	"Aalborg|North Denmark Region|DK|=ålborg", "Espoo|Uusimaa|FI", "Oulu|North Ostrobothnia|FI", "Turku|Southwest Finland|FI|=åbo",
	"Mannheim|Baden-Württemberg|DE", "Darmstadt|Hesse|DE", "Wiesbaden|Hesse|DE", "Kassel|Hesse|DE", "Bochum|North Rhine-Westphalia|DE",
	"Duisburg|North Rhine-Westphalia|DE", "Wuppertal|North Rhine-Westphalia|DE", "Bielefeld|North Rhine-Westphalia|DE",
	"Paderborn|North Rhine-Westphalia|DE", "Braunschweig|Lower Saxony|DE", "Göttingen|Lower Saxony|DE|gottingen",
	"Osnabrück|Lower Saxony|DE|osnabruck", "Oldenburg|Lower Saxony|DE", "Erlangen|Bavaria|DE", "Regensburg|Bavaria|DE",
	"Augsburg|Bavaria|DE", "Würzburg|Bavaria|DE|wurzburg", "Ingolstadt|Bavaria|DE", "Ulm|Baden-Württemberg|DE",
	"Walldorf|Baden-Württemberg|DE", "Jena|Thuringia|DE", "Erfurt|Thuringia|DE", "Rostock|Mecklenburg-Vorpommern|DE",
	"Lübeck|Schleswig-Holstein|DE|lubeck", "Magdeburg|Saxony-Anhalt|DE", "Halle|Saxony-Anhalt|DE", "Saarbrücken|Saarland|DE|saarbrucken",
	"Linz|Upper Austria|AT", "Lugano|Ticino|CH", "Zug|Zug|CH", "Winterthur|Zurich|CH", "St. Gallen|St. Gallen|CH|sankt gallen",
	"Delft|South Holland|NL", "Leiden|South Holland|NL", "Groningen|Groningen|NL", "Haarlem|North Holland|NL",
	"Nijmegen|Gelderland|NL", "Arnhem|Gelderland|NL", "Enschede|Overijssel|NL", "Amersfoort|Utrecht|NL",
	"Liège|Wallonia|BE|liege", "Mechelen|Flanders|BE", "Aix-en-Provence|Provence-Alpes-Côte d'Azur|FR",
	"Sophia Antipolis|Provence-Alpes-Côte d'Azur|FR", "Angers|Pays de la Loire|FR", "Tours|Centre-Val de Loire|FR",
	"Clermont-Ferrand|Auvergne-Rhône-Alpes|FR", "Dijon|Bourgogne-Franche-Comté|FR", "Rouen|Normandy|FR", "Caen|Normandy|FR",
	"Brest|Brittany|FR", "Versailles|Île-de-France|FR", "Metz|Grand Est|FR", "Nancy|Grand Est|FR",
	"Granada|Andalusia|ES", "Alicante|Valencian Community|ES", "Palma|Balearic Islands|ES|palma de mallorca",
	"Murcia|Region of Murcia|ES", "Valladolid|Castile and León|ES", "San Sebastián|Basque Country|ES|donostia|san sebastian",
	"Vigo|Galicia|ES", "A Coruña|Galicia|ES|la coruña|a coruna", "Genoa|Liguria|IT|=genova", "Padua|Veneto|IT|=padova",
	"Verona|Veneto|IT", "Venice|Veneto|IT|=venezia", "Trieste|Friuli-Venezia Giulia|IT", "Bari|Apulia|IT", "Pisa|Tuscany|IT",
	"Trento|Trentino-Alto Adige|IT", "Aveiro|Aveiro|PT", "Faro|Faro|PT", "Kaunas|Kaunas County|LT", "Tartu|Tartu County|EE",
	"Bratislava|Bratislava Region|SK", "Wuxi|Jiangsu|CN|=无锡", "Ningbo|Zhejiang|CN|=宁波", "Jinan|Shandong|CN|=济南",
	"Zhengzhou|Henan|CN|=郑州", "Shenyang|Liaoning|CN|=沈阳", "Fuzhou|Fujian|CN|=福州", "Dongguan|Guangdong|CN|=东莞",
	"Foshan|Guangdong|CN|=佛山", "Changchun|Jilin|CN|=长春", "Harbin|Heilongjiang|CN|=哈尔滨", "Kunming|Yunnan|CN|=昆明",
	"Nanchang|Jiangxi|CN|=南昌", "Changzhou|Jiangsu|CN|=常州",
	// the other provincial capitals and large cities of China, with
	// their Chinese names (Chinese postings write places in Chinese only)
	"Guiyang|Guizhou|CN|=贵阳", "Nanning|Guangxi|CN|=南宁", "Shijiazhuang|Hebei|CN|=石家庄",
	"Taiyuan|Shanxi|CN|=太原", "Lanzhou|Gansu|CN|=兰州", "Ürümqi|Xinjiang|CN|=乌鲁木齐|urumqi",
	"Hohhot|Inner Mongolia|CN|=呼和浩特", "Haikou|Hainan|CN|=海口", "Xining|Qinghai|CN|=西宁",
	"Yinchuan|Ningxia|CN|=银川", "Lhasa|Tibet|CN|=拉萨", "Wenzhou|Zhejiang|CN|=温州", "Yantai|Shandong|CN|=烟台",
	"Shantou|Guangdong|CN|=汕头", "Huizhou|Guangdong|CN|=惠州", "Jiaxing|Zhejiang|CN|=嘉兴",
	"Shaoxing|Zhejiang|CN|=绍兴", "Jinhua|Zhejiang|CN|=金华", "Nantong|Jiangsu|CN|=南通", "Xuzhou|Jiangsu|CN|=徐州",
	"Yangzhou|Jiangsu|CN|=扬州", "Kunshan|Jiangsu|CN|=昆山", "Tangshan|Hebei|CN|=唐山", "Baoding|Hebei|CN|=保定",
	"Luoyang|Henan|CN|=洛阳", "Weifang|Shandong|CN|=潍坊", "Zibo|Shandong|CN|=淄博", "Quanzhou|Fujian|CN|=泉州",
	"Wuhu|Anhui|CN|=芜湖", "Sanya|Hainan|CN|=三亚", "Kyoto|Kyoto|JP|=京都", "Fukuoka|Fukuoka|JP|=福岡",
	"Nagoya|Aichi|JP|=名古屋", "Yokohama|Kanagawa|JP|=横浜", "Busan|Busan|KR", "Seongnam|Gyeonggi|KR|pangyo",
	"Ahmedabad|Gujarat|IN", "Jaipur|Rajasthan|IN", "Kochi|Kerala|IN", "Thiruvananthapuram|Kerala|IN|trivandrum",
	"Coimbatore|Tamil Nadu|IN", "Chandigarh|Chandigarh|IN", "Indore|Madhya Pradesh|IN", "Cebu|Central Visayas|PH|cebu city",
	"Penang|Penang|MY", "Da Nang|Da Nang|VN", "Bandung|West Java|ID", "Curitiba|Paraná|BR", "Porto Alegre|Rio Grande do Sul|BR",
	"Recife|Pernambuco|BR", "Campinas|São Paulo|BR", "Brasília|Federal District|BR|brasilia", "Rosario|Santa Fe|AR",
	"Querétaro|Querétaro|MX|queretaro", "Tijuana|Baja California|MX", "Puebla|Puebla|MX", "Cali|Valle del Cauca|CO",
	"Quito|Pichincha|EC", "Accra|Greater Accra|GH", "Kigali|Kigali|RW", "Casablanca|Casablanca-Settat|MA", "Tunis|Tunis|TN",
	"Amman|Amman|JO", "Beirut|Beirut|LB", "Herzliya|Tel Aviv District|IL", "Ra'anana|Central District|IL|raanana",
	"Petah Tikva|Central District|IL", "Hsinchu|Hsinchu|TW|=新竹",
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

// placesWorld holds the cities of GeoNames with 15,000 or more inhabitants
// outside Denmark, Norway and Sweden (source, licence and changes in the
// file's header).
//
//go:embed places_world.txt
var placesWorld string

type worldInfo struct {
	name, region, country string // substrings of placesWorld
	pop                   int32
}

// worldSpan is where a name's places are in worldAll.
type worldSpan struct{ at, n int32 }

var (
	worldOnce sync.Once
	// every place under each of its folded names (also without
	// diacritics), grouped by name, most populous first: one array, no
	// allocation per place (the table is loaded once per process)
	worldAll []worldInfo
	worldIdx map[string]worldSpan
	// folded first-level region name -> the region, when one country has it
	worldRegions map[string]worldInfo
)

// worldNamed are the places of a folded name, most populous first.
func worldNamed(k string) []worldInfo {
	sp, ok := worldIdx[k]
	if !ok {
		return nil
	}
	return worldAll[sp.at : sp.at+sp.n]
}

// compassWords are region names of the world table that are, alone, a
// direction or a part of an area, not a region a label means.
var compassWords = map[string]bool{"north": true, "south": true, "east": true, "west": true,
	"central": true, "centre": true, "center": true}

// notWorldCity are names of world cities that are also ordinary words of
// the languages postings are written in, or words of location labels:
// they are read as cities only from the city table.
var notWorldCity = map[string]bool{
	"most": true, "police": true, "mobile": true, "split": true, "sale": true, "bar": true, "male": true,
	"orange": true, "bath": true, "university": true, "college": true, "enterprise": true, "opportunity": true,
	"industry": true, "independence": true, "union": true, "liberty": true, "mission": true, "pleasant": true,
	"paradise": true, "spring": true, "springs": true, "beach": true, "center": true, "centre": true,
	"central": true, "north": true, "south": true, "east": true, "west": true, "city": true, "hybrid": true,
	"remote": true, "home": true, "office": true, "temple": true, "marina": true, "buy": true, "kota": true,
	"best": true, "hope": true, "victoria": true, "aurora": true, "florence": true, "lincoln": true,
	"jackson": true, "franklin": true, "clinton": true, "washington": true, "hamilton": true,
	"none": true, "global": true, "europe": true, "america": true, "asia": true, "africa": true,
	"andere": true, "alle": true, "flexible": true, "ede": true, "oss": true, "born": true,
	"weil": true, "senden": true,
	"lage": true, "bad": true, "leer": true,
	"deal": true, "street": true, "march": true, "may": true, "bay": true, "port": true,
	"grand": true, "royal": true, "young": true, "progress": true, "reform": true, "as": true,
	"ii": true, "iii": true, "ba": true, "de": true, "la": true, "el": true, "san": true, "santa": true,
	"ta": true, "ra": true, "ma": true, "ms": true, "ai": true, "it": true, "ort": true, "remote us": true,
}

func loadWorld() {
	worldOnce.Do(func() {
		type named struct {
			k string
			w worldInfo
		}
		all := make([]named, 0, 32000)
		for line := range strings.SplitSeq(placesWorld, "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			name, rest, ok1 := strings.Cut(line, "|")
			region, rest, ok2 := strings.Cut(rest, "|")
			country, popText, ok3 := strings.Cut(rest, "|")
			if !ok1 || !ok2 || !ok3 || strings.Contains(popText, "|") {
				continue
			}
			pop, _ := strconv.Atoi(popText)
			if country == "IE" || cityStates[country] {
				// GeoNames' first level in Ireland is the four
				// provinces, which no address or posting names; a
				// city-state's districts are no region either
				// ("Singapore", "Luxembourg", "Monaco": PROTOCOL.md,
				// region empty when there is no usual one).
				region = ""
			}
			w := worldInfo{name: name, region: region, country: country, pop: int32(min(pop, 1<<31-1))}
			k := foldPlace(name)
			if utf8.RuneCountInString(k) < 3 || notWorldCity[k] || countryCode(name) != "" || usStates[k] != "" ||
				regionNames[k] != "" || areaWords[k] || remoteWords[k] || workModes[k] {
				continue
			}
			all = append(all, named{k, w}) // the file lists the most populous first, per country
			if a := stripMarks(k); a != k && !notWorldCity[a] {
				all = append(all, named{a, w})
			}
		}
		// by name, then most populous first (stable: the file's order
		// among equals)
		slices.SortStableFunc(all, func(a, b named) int {
			if c := strings.Compare(a.k, b.k); c != 0 {
				return c
			}
			return cmp.Compare(b.w.pop, a.w.pop)
		})
		worldAll = make([]worldInfo, len(all))
		worldIdx = make(map[string]worldSpan, len(all))
		for i, x := range all {
			worldAll[i] = x.w
			if sp, ok := worldIdx[x.k]; ok {
				sp.n++
				worldIdx[x.k] = sp
			} else {
				worldIdx[x.k] = worldSpan{int32(i), 1}
			}
		}
		regions := map[string]worldInfo{}
		add := func(k string, w worldInfo) {
			if old, ok := regions[k]; ok && old.country != w.country {
				w.country = "" // a region name of two countries
			}
			regions[k] = w
		}
		type regionOf struct{ region, country string }
		done := map[regionOf]bool{}
		for _, w := range worldAll {
			if w.region == "" || done[regionOf{w.region, w.country}] {
				continue
			}
			done[regionOf{w.region, w.country}] = true
			if compassWords[foldPlace(w.region)] {
				// Cameroon's "South", Ghana's "Central": alone, a word
				// of an area ("Remote, South / Latin America")
				continue
			}
			r := worldInfo{region: w.region, country: w.country}
			add(foldPlace(w.region), r)
			add(stripMarks(foldPlace(w.region)), r)
		}
		for local, english := range regionNames {
			if r, ok := regions[foldPlace(english)]; ok {
				add(local, r)
			}
		}
		worldRegions = regions
	})
}

// worldPlace looks a city up in the world table: in country when it is
// not empty (the most populous place of the name there), else the most
// populous place of the name when it has at least three times the
// inhabitants of the next one ("Mannheim", "Ingolstadt", "Winterthur"; not
// "Cambridge", which two countries share).
func worldPlace(p, country string) (model.Location, bool) {
	f := foldPlace(strings.TrimSpace(p))
	if f == "" || len(f) > 40 {
		return model.Location{}, false
	}
	loadWorld()
	ws := worldNamed(f)
	for i, w := range ws {
		if country != "" && w.country != country {
			continue
		}
		if country == "" && i == 0 && len(ws) > 1 && int64(ws[1].pop)*3 > int64(w.pop) {
			return model.Location{}, false
		}
		return model.Location{City: w.name, Region: w.region, Country: w.country}, true
	}
	return model.Location{}, false
}

// wordTownPop is the fewest inhabitants of a world-table town named as an
// English word that a location label names alone.
const wordTownPop = 100000

// worldWordNames are the one-word names of the world table that are also
// lower-case words of an English dictionary: the intersection of
// places_world.txt with the word list of the Debian package wamerican
// 2020.12.07-2 (SCOWL size 50, Copyright 2000-2011 Kevin Atkinson and the
// others its README names; permission to use, copy, modify, distribute and
// sell the lists and the output created from them is granted, with the
// copyright notice; deb sha256
// c8f8e2b2ad0d37bfdd41f0e40f1e4c8e5f907467d768a1d3698b164e9617f0b4),
// taken with apt-get download on 2026-12-02; NOTICE.wordlist beside this
// file carries its copyright and permission notices verbatim.
var worldWordNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
	acre agar alabaster alliance aloha along altos anchorage angers antelope anthem apex arbutus
	archway ascot astrakhan auburn badger balsas banes banning bar barking bath baud bay bear bell
	bend bender best billings bimbo bologna bonny boom borne boulder bountiful bra brad bray brusque
	buckeye buffalo bury butte buy cairns canning canton cassino cayenne centennial central centurion
	chandler chaparral chino cloverleaf cocoa cognac columbine concord converse cork corona crystal
	cypress date davenport deal debar defiance delta derby dole dome dour dyer eagle emporia
	enterprise erode eureka federal felling fishers flagstaff fleet flint florin fords fountain gap
	garland garner gay gent goes golden grapevine grays green griffin grove groves hale hawthorn hays
	hem hermitage hickory highland hillside ho holiday homburg homestead hook hove humble hurricane
	imperial independence jasper jingling keystone lancing largo lattes laurel leek leer lend lens
	liberal liberty lice limerick linden lira lisle luau magenta maidenhead male man manage manga
	manly march marina marks martin mascara mascot mason mecca mentor meridian mesa mesquite metro
	midland midstream midway mission mobile most much muscat mustang natal neath newton nice normal
	ode of ogre opportunity oral orange orchards overland oxford pace paisley papaya paradise
	paramount pare parole pearl peer pen perm phoenix pinto pita plantation plum plunge police pop
	portage posse pout prosper providence pueblo puma quarto queens reading republic reservoir retreat
	revere rho riverside rogers roman roses rugby ruse rye saga sake saki sale salt same sandy sari
	savage savannah seaside sedan shanghai shaping shoreline silvan sim simmering slough sparks split
	spring springs stains sterling stow sulphur summit sunrise sunset superior surprise surrey swords
	sycamore tamale tame tangier tank tapes temple tequila terrace tire torrent tours troy tucker
	tulle union university upland uptown valence van vineyard vista walker walnut ware warren wedding
	welling wellington westerly wheeling woodland woodlands worms wright young
`) {
		m[w] = true
	}
	return m
}()

// wordTown says whether l, a town of the world table, is a small one
// named as an English word ("Federal", "Gap", "Lens", "Goes", "Summit",
// "Apex"): a label names it only with its country or region beside it.
// Large ones ("Nice", "Tours") are named alone.
func wordTown(l model.Location) bool {
	if !worldWordNames[foldPlace(l.City)] {
		return false
	}
	loadWorld()
	for _, w := range worldNamed(foldPlace(l.City)) {
		if w.name == l.City && w.country == l.Country && w.region == l.Region {
			return w.pop < wordTownPop
		}
	}
	return true
}

// worldRegion looks a first-level region up by its name in the world
// table or its local name ("Baden-Württemberg", "Bayern", "Upper
// Austria"): the region of one country, and no city of the name.
func worldRegion(p string) (model.Location, bool) {
	f := foldPlace(strings.TrimSpace(p))
	if f == "" || len(f) > 40 {
		return model.Location{}, false
	}
	loadWorld()
	r, ok := worldRegions[f]
	if !ok || r.country == "" || len(worldNamed(f)) > 0 {
		return model.Location{}, false
	}
	return model.Location{Region: r.region, Country: r.country}, true
}

// stripMarks removes the diacritics of Latin letters: "zürich" ->
// "zurich", "kraków" -> "krakow".
func stripMarks(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		ascii = ascii && s[i] < utf8.RuneSelf
	}
	if ascii {
		return s
	}
	t := norm.NFD.String(s)
	var b strings.Builder
	for _, r := range t {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ß':
			b.WriteString("ss")
			continue
		case 'ø':
			r = 'o'
		case 'æ':
			b.WriteString("ae")
			continue
		case 'ł':
			r = 'l'
		case 'đ':
			r = 'd'
		}
		b.WriteRune(r)
	}
	return b.String()
}

package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 33, from a throw-away sweep of 68 requirement/preference frames
// in eleven languages (66 read right): a line of Chinese that lists skills
// and closes on a preference marker ("...者优先考虑") was taken for the
// heading of a preferred part, so everything on it and after it was
// preferred; the Italian plural "Requisiti preferenziali" named no part.
func TestPreferenceFramesS33(t *testing.T) {
	n := normalizer(t)
	req, pref := []string{"Python", "SQL"}, []string{"Docker", "Kubernetes"}
	for _, text := range []string{
		"任职要求：熟悉Python、SQL，熟悉Kubernetes、Docker者优先考虑",
		"熟悉Python、SQL，熟悉Kubernetes、Docker者优先考虑。",
		"任职要求：\n熟悉Python、SQL，熟悉Kubernetes、Docker者优先考虑\n本科及以上学历",
		"岗位职责：\n负责数据开发\n任职要求：\n熟悉 Python、SQL，有 Kubernetes、Docker 经验者优先\n本科及以上学历",
		"Requisiti\n- Python\n- SQL\nRequisiti preferenziali: Kubernetes, Docker",
		"Requisiti\n- Python\n- SQL\n\nRequisiti preferenziali\n- Kubernetes\n- Docker",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Data Engineer", DescriptionText: text})
		if !reflect.DeepEqual(p.Skills.Required, req) || !reflect.DeepEqual(p.Skills.Preferred, pref) {
			t.Errorf("%q: required %v, preferred %v; want %v, %v", text, p.Skills.Required, p.Skills.Preferred, req, pref)
		}
	}
	// a short line of Chinese that names the preferred part is still its
	// heading
	p := n.Normalize("s", "c", model.Raw{Title: "数据工程师", DescriptionText: "任职要求：\n熟悉Python、SQL\n我们眼中的加分项\n- Kubernetes\n- Docker"})
	if !reflect.DeepEqual(p.Skills.Preferred, pref) {
		t.Errorf("heading of the preferred part: %+v", p.Skills)
	}
}

// Session 33, from a throw-away sweep of 205 titles in ten languages:
// the Italian data analyst, the product manager written as one word or
// with a hyphen, and the BI engineer of a Chinese title.
func TestRoleTitlesS33(t *testing.T) {
	for title, want := range map[string]string{
		"Analista dati":                  RoleDataAnalyst,
		"Analista di dati Senior":        RoleDataAnalyst,
		"Productmanager":                 RoleProductManager,
		"Senior Product-Manager (m/w/d)": RoleProductManager,
		"BI工程师":                          RoleAnalyticsEngineer,
		"BI开发工程师":                        RoleAnalyticsEngineer,
		"数据分析师":                          RoleDataAnalyst,
		"Java开发工程师":                      RoleSoftwareEngineer,
	} {
		if got := Role(title); got != want {
			t.Errorf("Role(%q) = %s, want %s", title, got, want)
		}
	}
}

// Session 33, from a throw-away sweep of 76 inline preference wordings in
// ten languages after a required sentence (70 read right): German "runden
// dein Profil ab", French "serait appréciable", Dutch "Idealiter",
// Spanish "son deseables", Danish "Vi ser gerne, at du", English "looked
// upon favourably".
func TestInlinePreferenceS33(t *testing.T) {
	n := normalizer(t)
	req, pref := []string{"Python", "SQL"}, []string{"Docker", "Kubernetes"}
	for _, text := range []string{
		"Du hast Erfahrung mit Python und SQL. Kenntnisse in Kubernetes und Docker runden dein Profil ab.",
		"Sie haben Erfahrung mit Python und SQL.\nAbgerundet wird Ihr Profil durch Kenntnisse in Kubernetes und Docker.",
		"Vous avez une expérience avec Python et SQL. Une première expérience avec Kubernetes et Docker serait appréciable.",
		"Je hebt ervaring met Python en SQL. Idealiter heb je ervaring met Kubernetes en Docker.",
		"Tienes experiencia con Python y SQL. Conocimientos de Kubernetes y Docker son deseables.",
		"Du har erfaring med Python og SQL. Vi ser gerne, at du har erfaring med Kubernetes og Docker.",
		"You have experience with Python and SQL. Any Kubernetes and Docker experience will be looked upon favourably.",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Data Engineer", DescriptionText: text})
		if !reflect.DeepEqual(p.Skills.Required, req) || !reflect.DeepEqual(p.Skills.Preferred, pref) {
			t.Errorf("%q: required %v, preferred %v; want %v, %v", text, p.Skills.Required, p.Skills.Preferred, req, pref)
		}
	}
	// rounding off without a profile, and German "gerne" before another
	// word, ask as before
	for _, text := range []string{
		"Du hast Erfahrung mit Python, SQL, Kubernetes und Docker und rundest Zahlen gerne ab.",
		"Du hast Erfahrung mit Python, SQL, Kubernetes und Docker und arbeitest gerne im Team.",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Data Engineer", DescriptionText: text})
		if len(p.Skills.Preferred) != 0 || len(p.Skills.Required) != 4 {
			t.Errorf("%q: %+v, want all four required", text, p.Skills)
		}
	}
}

// Session 33, from a throw-away sweep of 34 workplace lines in nine
// languages: Italian, Dutch and more Nordic field names, the field's name
// on a line of its own above its value, and "Die Stelle ist in ... zu
// besetzen".
func TestWorkplaceFieldsS33(t *testing.T) {
	n := normalizer(t)
	for text, want := range map[string]model.Location{
		"Sede di lavoro: Milano\nCerchiamo uno sviluppatore.": {City: "Milan", Region: "Lombardy", Country: "IT"},
		"Locatie: Amsterdam\nWij zoeken een ontwikkelaar.":    {City: "Amsterdam", Region: "North Holland", Country: "NL"},
		"Standplaats: Utrecht":                                {City: "Utrecht", Region: "Utrecht", Country: "NL"},
		"Tjänstgöringsort: Luleå":                             {City: "Luleå", Region: "Norrbotten", Country: "SE"},
		"Kontorssted: Kristiansand":                           {City: "Kristiansand", Region: "Agder", Country: "NO"},
		"Arbeidssted\nBergen\nVi søker en utvikler.":          {City: "Bergen", Region: "Vestland", Country: "NO"},
		"Die Stelle ist in Hamburg zu besetzen.":              {City: "Hamburg", Region: "Hamburg", Country: "DE"},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Utvikler", DescriptionText: text})
		if len(p.Locations) != 1 || p.Locations[0] != want {
			t.Errorf("%q: %+v, want %+v", text, p.Locations, want)
		}
	}
	// a field's name alone over a sentence that names no place, and the
	// post in part-time, name no place
	for _, text := range []string{"Arbeidssted\nVi har fleksible arbeidstider.", "Die Stelle ist in Teilzeit zu besetzen."} {
		if p := n.Normalize("s", "c", model.Raw{Title: "Utvikler", DescriptionText: text}); len(p.Locations) != 0 {
			t.Errorf("%q: %+v, want none", text, p.Locations)
		}
	}
}

// Session 33, from a throw-away sweep of 90 location labels of many
// countries: a Brazilian, Indian or South African state's or an Italian
// province's code after a town was read as a country or a US state
// ("Belo Horizonte, MG" was in Madagascar, "Florianópolis, SC" in South
// Carolina, "Milano (MI)" in Michigan, "Chennai, TN" in Tennessee, "Pune,
// MH" in the Marshall Islands, "Rio de Janeiro - RJ" nowhere).
func TestSubdivisionCodesS33(t *testing.T) {
	for label, want := range map[string]model.Location{
		"Belo Horizonte, MG":    {City: "Belo Horizonte", Region: "Minas Gerais", Country: "BR"},
		"Rio de Janeiro - RJ":   {City: "Rio de Janeiro", Region: "Rio de Janeiro", Country: "BR"},
		"Florianópolis, SC":     {City: "Florianópolis", Region: "Santa Catarina", Country: "BR"},
		"Salvador, BA":          {City: "Salvador", Region: "Bahia", Country: "BR"},
		"Curitiba, PR":          {City: "Curitiba", Region: "Paraná", Country: "BR"},
		"Joinville, SC, Brasil": {City: "Joinville", Region: "Santa Catarina", Country: "BR"},
		"Milano (MI)":           {City: "Milan", Region: "Lombardy", Country: "IT"},
		"Torino (TO)":           {City: "Turin", Region: "Piedmont", Country: "IT"},
		"Bologna (BO)":          {City: "Bologna", Region: "Emilia-Romagna", Country: "IT"},
		"Pune, MH":              {City: "Pune", Region: "Maharashtra", Country: "IN"},
		"Chennai, TN":           {City: "Chennai", Region: "Tamil Nadu", Country: "IN"},
		"Johannesburg, GP":      {City: "Johannesburg", Region: "Gauteng", Country: "ZA"},
		"Zagreb, HR":            {City: "Zagreb", Region: "Zagreb", Country: "HR"},
		"Wilmington, DE":        {City: "Wilmington", Region: "Delaware", Country: "US"},
		"Salem, MA":             {City: "Salem", Region: "Massachusetts", Country: "US"},
		"Portland, ME":          {City: "Portland", Region: "Maine", Country: "US"},
	} {
		if got := Location(label); got != want {
			t.Errorf("Location(%q) = %+v, want %+v", label, got, want)
		}
	}
}

// Session 33, from a throw-away sweep of 38 pay shapes in 16 countries
// (36 read right): Japanese pay ranges with the wave dash ("〜") and yen
// written "円", their periods (月給, 年収, 時給), and a company's capital
// or sales in yen or yuan, which is no pay.
func TestJapanesePayS33(t *testing.T) {
	n := normalizer(t)
	for text, want := range map[string][]model.Salary{
		"年収 600万円〜900万円":        {{Min: 6000000, Max: 9000000, Currency: "JPY", Period: "year"}},
		"¥6,000,000〜¥9,000,000": {{Min: 6000000, Max: 9000000, Currency: "JPY", Period: "year"}},
		"月給 30万円〜50万円":          {{Min: 300000, Max: 500000, Currency: "JPY", Period: "month"}},
		"時給1,500円〜":             {{Min: 1500, Max: 1500, Currency: "JPY", Period: "hour"}},
		"資本金 5,000万円 売上高 50億円":  nil,
		"注册资本 500万元":            nil,
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", Locations: []string{"Tokyo"}, DescriptionText: "We build things.\n" + text})
		if len(want) == 0 && len(p.Salary) == 0 {
			continue
		}
		if !reflect.DeepEqual(p.Salary, want) {
			t.Errorf("%q: %+v, want %+v", text, p.Salary, want)
		}
	}
}

// Session 33, from the fresh dev documents of corpus round s33: a list
// that a PDF's lines wrapped after a comma goes on in the next line
// ("Compétences : Java, ..., Jest,\nPlaywright, nuxt, vitest, vite"); a
// line's own "Skills:" label makes its list required, as "Compétences :"
// did; "*Nix" is Unix, not the Nix package manager.
func TestFreshDevS33(t *testing.T) {
	n := normalizer(t)
	all := []string{"JUnit", "Java", "Jest", "Nuxt", "Playwright", "Spring", "Vite", "Vitest"}
	for _, text := range []string{
		"Compétences : Java, Spring, JUnit, Jest,\nPlaywright, nuxt, vitest, vite\n👉 Apporte ta valeur",
		"Skills: Java, Spring, JUnit, Jest,\nPlaywright, Nuxt, Vitest, Vite",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Dev", DescriptionText: text})
		if !reflect.DeepEqual(p.Skills.Required, all) {
			t.Errorf("%q: %+v, want all required", text, p.Skills)
		}
	}
	for text, want := range map[string][]string{
		"Requirements:\n- Experience in *Nix environments": {"Unix"},
		"Requirements:\n- Linux/*nix administration":       {"Linux", "Unix"},
		"Requirements:\n- Nix and NixOS":                   {"Nix", "NixOS"},
		"Requirements:\n- **Nix** flakes":                  {"Nix"},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Dev", DescriptionText: text})
		if !reflect.DeepEqual(p.Skills.Required, want) {
			t.Errorf("%q: %+v, want %v required", text, p.Skills, want)
		}
	}
}

// Session 33, from a throw-away sweep of 86 titles' levels in eight
// languages (79 right, two more only in order): the French and Italian
// "Stage" opening a title, Italian "Tirocinio", Portuguese "Estágio" and
// "Estagiário(a)" are internships; Latin American "SSR" in a Spanish title
// is semi senior (Mid).
func TestLevelWordsS33(t *testing.T) {
	for title, want := range map[string][]string{
		"Stage - Développeur web":      {"Intern"},
		"Stage Sviluppatore":           {"Intern"},
		"Tirocinio Data Analyst":       {"Intern"},
		"Estágio em Desenvolvimento":   {"Intern"},
		"Estagiária de Dados":          {"Intern"},
		"Desarrollador Java SSR":       {"Mid"},
		"React SSR Developer":          {},
		"Stage Manager":                {"Manager"},
		"Early Stage Startup Engineer": {},
		"Backstage Engineer":           {},
	} {
		if got := Levels(title); !reflect.DeepEqual(got, want) {
			t.Errorf("Levels(%q) = %v, want %v", title, got, want)
		}
	}
}

// Session 33, from a fresh dev document of round s33 (a platform's list
// "Denver, CO;San Francisco, CA" was read as one town "Denver, CO, San
// Francisco"): ";" and "|" part places without spaces too.
func TestPlacesPartedWithoutSpacesS33(t *testing.T) {
	for label, want := range map[string][]model.Location{
		"Denver, CO;San Francisco, CA": {{City: "Denver", Region: "Colorado", Country: "US"}, {City: "San Francisco", Region: "California", Country: "US"}},
		"Denver, CO|San Francisco, CA": {{City: "Denver", Region: "Colorado", Country: "US"}, {City: "San Francisco", Region: "California", Country: "US"}},
	} {
		if got := Locations(label); !reflect.DeepEqual(got, want) {
			t.Errorf("Locations(%q) = %+v, want %+v", label, got, want)
		}
	}
}

// Session 33, from a throw-away sweep of 30 requirement sentences in a
// posting with no headings (28 read right): "You are hands-on with X" and
// "Comfort with X" ask for X, as "hands-on experience with" and
// "comfortable with" did.
func TestOpenRequirementWordsS33(t *testing.T) {
	n := normalizer(t)
	for _, s := range []string{"You are hands-on with Python and Kafka.", "Comfort with Python and Kafka."} {
		text := "We are a small team building data tools. " + s + " We offer a great salary."
		p := n.Normalize("s", "c", model.Raw{Title: "Data Engineer", DescriptionText: text})
		if !reflect.DeepEqual(p.Skills.Required, []string{"Kafka", "Python"}) {
			t.Errorf("%q: %+v, want both required", s, p.Skills)
		}
	}
	// "on" alone asks nothing
	p := n.Normalize("s", "c", model.Raw{Title: "Data Engineer", DescriptionText: "We are a small team. We run on Python and Kafka."})
	if len(p.Skills.Required) != 0 {
		t.Errorf("'run on': %+v", p.Skills)
	}
}

// Review s33b of rules 250-258: a Chinese line that points to what
// follows ("有以下经验者优先") is still the heading of the preferred part
// (F2); a list line ending in a comma is not joined to a line that opens
// with a label of its own, nor a sentence with one comma (F3); "Skills:"
// under a preferred heading stays preferred (F4); Japanese allowances,
// gifts, stock options and raises are no pay, and yen under 1.5 million
// are by the month (F5); US towns with a state code stay in the US (F7);
// ";" and "|" without spaces part only "town, state" pieces (F10).
func TestReviewS33b(t *testing.T) {
	n := normalizer(t)
	req, pref := []string{"Python", "SQL"}, []string{"Docker", "Kubernetes"}
	for _, text := range []string{
		"任职要求：\n熟悉Python、SQL\n有以下经验者优先\nKubernetes、Docker",
		"任职要求：\n熟悉Python、SQL\n以下条件优先考虑\n1. Kubernetes\n2. Docker",
		"Anforderungen: Python, SQL,\nVon Vorteil: Docker, Kubernetes",
		"Krav: Python, SQL,\nMeriterande: Docker, Kubernetes",
		"You know Python and SQL,\nKubernetes and Docker are a plus.",
		"Requirements\n- Python\n- SQL\nNice to have\nSkills: Docker, Kubernetes",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: text})
		if !reflect.DeepEqual(p.Skills.Required, req) || !reflect.DeepEqual(p.Skills.Preferred, pref) {
			t.Errorf("%q: required %v, preferred %v; want %v, %v", text, p.Skills.Required, p.Skills.Preferred, req, pref)
		}
	}
	for text, want := range map[string][]model.Salary{
		"福利厚生\n交通費支給（月3万円まで）\n住宅手当 月2万円":                nil,
		"書籍購入補助 月1万円まで\n入社祝い金 10万円":                     nil,
		"年収アップ実績 平均120万円":                               nil,
		"ストックオプション 1,000万円相当":                           nil,
		"給与\n月給 30万円〜50万円\n福利厚生\n交通費（月3万円まで）/住宅手当 月2万円": {{Min: 300000, Max: 500000, Currency: "JPY", Period: "month"}},
		"給与 30万円〜50万円":                                  {{Min: 300000, Max: 500000, Currency: "JPY", Period: "month"}},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", Locations: []string{"Tokyo"}, DescriptionText: text})
		if len(want) == 0 && len(p.Salary) == 0 {
			continue
		}
		if !reflect.DeepEqual(p.Salary, want) {
			t.Errorf("%q: %+v, want %+v", text, p.Salary, want)
		}
	}
	for label, want := range map[string][]model.Location{
		"Milan, MI":                 {{City: "Milan", Region: "Michigan", Country: "US"}},
		"Florence, MS":              {{City: "Florence", Region: "Mississippi", Country: "US"}},
		"Kimberley, NC":             {{City: "Kimberley", Region: "North Carolina", Country: "US"}},
		"Milano (MI)":               {{City: "Milan", Region: "Lombardy", Country: "IT"}},
		"London|UK":                 {{City: "London", Region: "England", Country: "GB"}},
		"Bangalore|Karnataka|India": {{City: "Bangalore", Region: "Karnataka", Country: "IN"}},
		"Berlin;Germany":            {{City: "Berlin", Region: "Berlin", Country: "DE"}},
	} {
		if got := Locations(label); !reflect.DeepEqual(got, want) {
			t.Errorf("Locations(%q) = %+v, want %+v", label, got, want)
		}
	}
}

// Session 33, from a throw-away sweep of 38 years shapes in ten languages
// (37 right): a field whose name says years and whose value is the number
// alone ("Years of experience: 5+", "YOE: 3-5").
func TestYearsFieldS33(t *testing.T) {
	n := normalizer(t)
	for text, want := range map[string]int{
		"Requirements:\n- Years of experience: 5+": 5,
		"Years of Experience: 3-5":                 3,
		"YOE: 4+":                                  4,
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: text})
		if p.MinYearsExperience == nil || *p.MinYearsExperience != want {
			t.Errorf("%q: %v, want %d", text, p.MinYearsExperience, want)
		}
	}
	for _, text := range []string{"Years of experience: 2025", "Years of experience: a lot"} {
		if p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: text}); p.MinYearsExperience != nil {
			t.Errorf("%q: %d, want none", text, *p.MinYearsExperience)
		}
	}
}

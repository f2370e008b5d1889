package normalize

import (
	"reflect"
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The sentences of these tests are real: they come from the fixtures under
// internal/scrape/*/testdata and testdata/ (public postings), rearranged
// into the layouts that real postings use.

func skillsOf(t *testing.T, r model.Raw) model.Skills {
	t.Helper()
	return normalizer(t).Normalize("s", "c", r).Skills
}

func TestRequirementSentencesWithoutHeadings(t *testing.T) {
	tests := []struct {
		name string
		raw  model.Raw
		want model.Skills
	}{
		{
			name: "plain text, no headings: the sentences decide",
			raw: model.Raw{DescriptionText: "As the senior manager of this team you will lead a group of data engineers and analytics engineers who build pipelines on Spark, Hive and Airflow.\n" +
				"You have strong coding skills in Python and experience with TensorFlow or PyTorch.\n" +
				"You have worked with Presto, Trino or BigQuery.\n" +
				"Familiarity with GCP is a plus."},
			want: model.Skills{
				Required:  []string{"BigQuery", "Presto", "PyTorch", "Python", "TensorFlow", "Trino"},
				Preferred: []string{"GCP"},
				Mentioned: []string{"Airflow", "Hive", "Spark"},
			},
		},
		{
			name: "an unknown heading opens a part whose sentences decide",
			raw: model.Raw{DescriptionHTML: `<h2>Data at Acme</h2><p>We build pipelines on Spark.</p>` +
				`<ul><li>Deep knowledge of Kafka internals</li><li>Familiarity with Airflow or a similar workflow scheduler</li></ul>`},
			want: model.Skills{Required: []string{"Airflow", "Kafka"}, Preferred: []string{}, Mentioned: []string{"Spark"}},
		},
		{
			// session 24: a line that opens with what the candidate has
			// ("Deep knowledge of Kafka internals") asks for it under a
			// heading of tasks too (TestS24RequirementLinesAmongTasks);
			// a task ("You will serve as ...") stays a task
			name: "responsibilities are not requirements",
			raw: model.Raw{DescriptionHTML: `<h3>What you'll do</h3><ul><li>Own our Kafka internals</li></ul>` +
				`<p>You will serve as the trusted expert on experimentation methodology with Python.</p>`},
			want: model.Skills{Required: []string{}, Preferred: []string{}, Mentioned: []string{"Experimentation", "Kafka", "Python"}},
		},
	}
	for _, tt := range tests {
		if got := skillsOf(t, tt.raw); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestPlayfulHeadings(t *testing.T) {
	tests := []struct {
		name, html string
		want       model.Skills
	}{
		{
			name: "emoji-led second-person headings",
			html: `<p>💡 You bring</p><ul><li>Strong Python and working knowledge of C++ or CUDA</li></ul><p>✨ Bonus points</p><ul><li>Familiarity with GCP</li></ul>`,
			want: model.Skills{Required: []string{"C++", "CUDA", "Python"}, Preferred: []string{"GCP"}, Mentioned: []string{}},
		},
		{
			name: "short headings without colon or bold",
			html: `<p>Who you are</p><ul><li>Deep knowledge of PyTorch or JAX</li></ul><p>Ideally you have</p><ul><li>Familiarity with Airflow or a similar workflow scheduler</li></ul>`,
			want: model.Skills{Required: []string{"JAX", "PyTorch"}, Preferred: []string{"Airflow"}, Mentioned: []string{}},
		},
		{
			name: "a bold lead-in sentence ending with a colon",
			html: `<p><strong>You'll be a great addition to the team if you have:</strong></p><ul><li>You have worked with Presto, Trino or BigQuery</li></ul>`,
			want: model.Skills{Required: []string{"BigQuery", "Presto", "Trino"}, Preferred: []string{}, Mentioned: []string{}},
		},
		{
			name: "a long lead-in sentence ending with a colon",
			html: `<p>We build with Kafka.</p><p>To be successful in this role, we'd like you to bring the following skills and experience:</p><ul><li>Strong SQL</li></ul>`,
			want: model.Skills{Required: []string{"SQL"}, Preferred: []string{}, Mentioned: []string{"Kafka"}},
		},
		{
			name: "what we look for, your toolkit",
			html: `<h3>What we look for</h3><ul><li>Strong SQL</li></ul><h3>Your toolkit</h3><ul><li>dbt</li></ul><h3>Our tech stack</h3><ul><li>Snowflake</li></ul>`,
			want: model.Skills{Required: []string{"SQL", "dbt"}, Preferred: []string{}, Mentioned: []string{"Snowflake"}},
		},
	}
	for _, tt := range tests {
		if got := skillsOf(t, model.Raw{DescriptionHTML: tt.html}); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestMinYearsGeneral(t *testing.T) {
	checkMinYears(t, map[string]int{ // -1: nil
		"3-7 years experience in a similar role":                                      3,
		"4 to 8 years working in SRE, DevOps, or production engineering roles":        4,
		"Minimum 3 years experience utilizing Agile and Waterfall project management": 3,
		"Minimum 1 years leading CRM implementation project teams":                    1,
		"Do you have 5+ years of experience in financial accounting?":                 5,
		"We don't care how many years you've done this":                               -1,
		"a minimum of five years of experience":                                       5,
		"3-5 yrs of experience":                                                       3,
		"over a decade of experience building data platforms":                         10,
		"at least two years of experience":                                            2,
		"mindestens 3 Jahre Berufserfahrung":                                          3,
		"3 ans d'expérience en développement":                                         3,
		"5 años de experiencia":                                                       5,
		"Minimaal 3 jaar ervaring in een soortgelijke functie":                        3,
		"up to 2 years of experience":                                                 -1,
		"less than 3 years of experience":                                             -1,
		"5+ years of experience preferred":                                            -1,
		"5+ years with Python and SQL. 8+ years of experience is a plus.":             5,
		"For over a decade, we have served our customers.":                            -1,
	})
}

func TestYearsNotFromPreferredParts(t *testing.T) {
	n := normalizer(t)
	p := n.Normalize("s", "c", model.Raw{DescriptionHTML: `<h3>Requirements</h3><ul><li>Strong SQL</li></ul>` +
		`<h3>Nice to have</h3><ul><li>3-7 years experience in a similar role</li></ul>`})
	if p.MinYearsExperience != nil {
		t.Errorf("min years = %d, want none (stated only as a nice-to-have)", *p.MinYearsExperience)
	}
}

func TestWrappedLines(t *testing.T) {
	// A hard-wrapped plain-text posting: the marker is on the next line.
	got := skillsOf(t, model.Raw{DescriptionText: "Requirements:\n- 5+ years with Python and SQL\n- Familiarity with Airflow or a similar workflow\n  scheduler would be a bonus\n- Deep knowledge of Kafka internals"})
	want := model.Skills{Required: []string{"Kafka", "Python", "SQL"}, Preferred: []string{"Airflow"}, Mentioned: []string{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestInlinePreference(t *testing.T) {
	tests := []struct {
		name, html string
		want       model.Skills
	}{
		{
			name: "markers at the end of items in a requirements list",
			html: `<h3>Requirements</h3><ul><li>Experience with TensorFlow is a plus</li><li>5+ years with Python and SQL</li>` +
				`<li>Familiarity with GCP would be an asset</li><li>Ervaring met frameworks als React, Angular of Vue (pré)</li>` +
				`<li>Knowledge of Kafka is nice but not required</li></ul>`,
			want: model.Skills{Required: []string{"Python", "SQL"}, Preferred: []string{"Angular", "GCP", "Kafka", "React", "TensorFlow", "Vue"}, Mentioned: []string{}},
		},
		{
			name: "inline marking wins over the section",
			html: `<p><b>What you bring</b></p><ul><li>Very good SQL and Python skills; Nice to have: Looker or dbt</li></ul>`,
			want: model.Skills{Required: []string{"Python", "SQL"}, Preferred: []string{"Looker", "dbt"}, Mentioned: []string{}},
		},
	}
	for _, tt := range tests {
		if got := skillsOf(t, model.Raw{DescriptionHTML: tt.html}); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestLocationLabels(t *testing.T) {
	L := func(city, region, country string, remote bool) model.Location {
		return model.Location{City: city, Region: region, Country: country, Remote: remote}
	}
	tests := []struct {
		label string
		want  []model.Location
	}{
		{"Hybrid - London", []model.Location{L("London", "England", "GB", false)}},
		{"Remote - US", []model.Location{L("", "", "US", true)}},
		{"HQ: Berlin", []model.Location{L("Berlin", "Berlin", "DE", false)}},
		{"London (Hybrid)", []model.Location{L("London", "England", "GB", false)}},
		{"New York, NY (HQ)", []model.Location{L("New York", "New York", "US", false)}},
		{"US-CA-San Francisco", []model.Location{L("San Francisco", "California", "US", false)}},
		{"Remote (US, Canada)", []model.Location{L("", "", "US", true), L("", "", "CA", true)}},
		{"Remote - US/Canada", []model.Location{L("", "", "US", true), L("", "", "CA", true)}},
		{"London or Berlin", []model.Location{L("London", "England", "GB", false), L("Berlin", "Berlin", "DE", false)}},
		{"San Francisco, CA, New York City, NY", []model.Location{L("San Francisco", "California", "US", false), L("New York", "New York", "US", false)}},
		{"New York, New York, United States", []model.Location{L("New York", "New York", "US", false)}},
		{"Quebec City, Quebec", []model.Location{L("Quebec City", "Quebec", "CA", false)}},
		{"Mexico City, Mexico", []model.Location{L("Mexico City", "Mexico City", "MX", false)}},
		{"Singapore, Singapore", []model.Location{L("Singapore", "", "SG", false)}},
		{"Frankfurt am Main", []model.Location{L("Frankfurt am Main", "Hesse", "DE", false)}},
		{"Sydney", []model.Location{L("Sydney", "New South Wales", "AU", false)}},
		{"København, Denmark", []model.Location{L("Copenhagen", "Capital Region of Denmark", "DK", false)}},
	}
	for _, tt := range tests {
		if got := Locations(tt.label); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Locations(%q) = %+v, want %+v", tt.label, got, tt.want)
		}
	}
}

func TestRemoteTakesTheCountryElsewhere(t *testing.T) {
	n := normalizer(t)
	// The country in another label.
	p := n.Normalize("s", "c", model.Raw{Locations: []string{"Remote", "Germany"}})
	if want := []model.Location{{Country: "DE", Remote: true}}; !reflect.DeepEqual(p.Locations, want) {
		t.Errorf("locations = %+v, want %+v", p.Locations, want)
	}
	// The country only in the text (a real sentence of a remote posting).
	p = n.Normalize("s", "c", model.Raw{Locations: []string{"Remote"},
		DescriptionText: "Must be currently legally authorized to work in the United States (ie: US citizen, green card holder, etc.)"})
	if want := []model.Location{{Country: "US", Remote: true}}; !reflect.DeepEqual(p.Locations, want) {
		t.Errorf("locations = %+v, want %+v", p.Locations, want)
	}
	// The platform says the job is remote: its places are remote.
	p = n.Normalize("s", "c", model.Raw{Locations: []string{"London", "Stockholm"}, Workplace: "remote"})
	if want := []model.Location{{City: "London", Region: "England", Country: "GB", Remote: true}, {City: "Stockholm", Region: "Stockholm County", Country: "SE", Remote: true}}; !reflect.DeepEqual(p.Locations, want) {
		t.Errorf("locations = %+v, want %+v", p.Locations, want)
	}
}

func TestMinYearsHedges(t *testing.T) {
	checkMinYears(t, map[string]int{
		"Esperti in possesso di comprovata esperienza, non inferiore a 7 anni, nell'individuazione": 7,
		"3+ years of closing experience working with customers, ideally with a technical product":   3,
		"not less than 4 years of professional experience":                                          4,
	})
}

func TestSalaryForms(t *testing.T) {
	s := func(min, max float64, cur, period string) model.Salary {
		return model.Salary{Min: min, Max: max, Currency: cur, Period: period}
	}
	tests := []struct {
		text string
		want []model.Salary
	}{
		{"Fino a 90.000 euro", []model.Salary{s(90000, 90000, "EUR", "year")}},
		{"ça donne environ 2750€ brut/mois ou 33K€ brut annuel.", []model.Salary{s(2750, 2750, "EUR", "month"), s(33000, 33000, "EUR", "year")}},
		{"Fertility HRA (up to $10,000 per year)", []model.Salary{}},
		{"Fertility drug coverage (up to $4,000 lifetime)", []model.Salary{}},
		{"120.000 € per year", []model.Salary{s(120000, 120000, "EUR", "year")}},
		{"90 000 EUR - 110 000 EUR", []model.Salary{s(90000, 110000, "EUR", "year")}},
		{"£60k - £70k", []model.Salary{s(60000, 70000, "GBP", "year")}},
		{"CHF 120'000 - 140'000", []model.Salary{s(120000, 140000, "CHF", "year")}},
		{"R$ 8.000 - R$ 12.000 por mês", []model.Salary{s(8000, 12000, "BRL", "month")}},
		{"between 100 and 120 thousand euros", []model.Salary{s(100000, 120000, "EUR", "year")}},
		{"from $100,000 to $120,000 per annum", []model.Salary{s(100000, 120000, "USD", "year")}},
		{"€60.000 - €75.000 brutto/Jahr", []model.Salary{s(60000, 75000, "EUR", "year")}},
		{"$45 - $60 hourly", []model.Salary{s(45, 60, "USD", "hour")}},
		{"6.000 - 7.500 € pro Monat", []model.Salary{s(6000, 7500, "EUR", "month")}},
	}
	for _, tt := range tests {
		if got := Salaries(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Salaries(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
	// The currency only from the country of the role.
	p := normalizer(t).Normalize("s", "c", model.Raw{Locations: []string{"Berlin, Germany"},
		DescriptionText: "Salary: 60,000 - 80,000 per year, depending on experience."})
	if want := []model.Salary{s(60000, 80000, "EUR", "year")}; !reflect.DeepEqual(p.Salary, want) {
		t.Errorf("salary = %+v, want %+v", p.Salary, want)
	}
}

func TestCombinedLevels(t *testing.T) {
	for title, want := range map[string][]string{
		"Android Engineer I - Subscriptions":            {"I"},
		"Analytics Engineer II":                         {"II"},
		"Software Engineer II/III":                      {"II", "III"},
		"Staff/Principal Software Engineer":             {"Staff", "Principal"},
		"Sr./Lead Data Engineer":                        {"Senior", "Lead"},
		"Senior/Staff Machine Learning Engineer":        {"Senior", "Staff"},
		"Mid-Senior Backend Engineer":                   {"Mid", "Senior"},
		"Mid-level Data Analyst":                        {"Mid"},
		"Technical Consultant, Mid-Market":              {},
		"Engagement Manager":                            {},
		"Head of Data":                                  {"Head"},
		"Líder de Comunidad":                            {"Lead"},
		"Data Scientist IV":                             {"IV"},
		"Senior Engineering Manager - Machine Learning": {"Senior"}, // PROTOCOL.md: the role's manager noun is no level
	} {
		if got := Levels(title); !reflect.DeepEqual(got, want) {
			t.Errorf("Levels(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestRoleTitles(t *testing.T) {
	checkRoles(t, map[string]string{
		"Senior Data Developer — Core Services":    RoleDataEngineer,
		"Technical Director Android":               RoleEngineeringManager,
		"Softwareentwickler/in (m/w/d)":            RoleSoftwareEngineer,
		"Développeur⋅se web back ou Full Stack":    RoleSoftwareEngineer,
		"Plattformutvikler i Trondheim":            RoleSoftwareEngineer,
		"Infrastructure / production engineer":     RoleSRE,
		"Git Infrastructure Engineer":              RoleSRE,
		"SIRT Detection Engineer":                  RoleSecurityEngineer,
		"Security Operations Engineer":             RoleSecurityEngineer,
		"Threat Hunter":                            RoleSecurityEngineer,
		"Services Account Engineer":                RoleOther,
		"Policy Engineer":                          RoleOther,
		"Distributed Systems Engineer":             RoleSoftwareEngineer,
		"Machine Learning Infrastructure Engineer": RoleMLEngineer,
	})
}

func TestRemoteAreaLabels(t *testing.T) {
	L := func(city, region, country string, remote bool) model.Location {
		return model.Location{City: city, Region: region, Country: country, Remote: remote}
	}
	checkLocations(t, map[string][]model.Location{
		"Remote - Europe":             {L("", "", "", true)},
		"Remote (worldwide)":          {L("", "", "", true)},
		"Remote - Global":             {L("", "", "", true)},
		"Remoto (México)":             {L("", "", "MX", true)},
		"Remote within US and Canada": {L("", "", "US", true), L("", "", "CA", true)},
		"San Francisco, CA • New York, NY • United States": {L("San Francisco", "California", "US", false), L("New York", "New York", "US", false), L("", "", "US", false)},
	})
}

func TestChinesePosting(t *testing.T) {
	// Sentences of a real posting (dev part of the corpus).
	text := "**2. 工作职责**\n- 负责基于Intel SGX、ARM TrustZone等硬件技术的调研、分析与应用转化\n" +
		"**3.职位要求**\n- 计算机软件、信息安全等相关专业，统招本科及以上学历\n- 有良好的系统编程能力，喜爱或有Rust开发经验以及扎实的C/C++功底\n- 熟悉常用数据结构和算法，熟悉Linux系统\n" +
		"- 有TEE可信执行环境、Intel SGX、机器学习、区块链相关技术经验者优先\n- 具有两年以上Rust/C++开发经验。"
	p := normalizer(t).Normalize("s", "c", model.Raw{DescriptionText: text})
	// "有良好的系统编程能力" (good systems programming ability) names Systems
	// Programming as required, as the corpus label of this posting says.
	want := model.Skills{Required: []string{"C", "C++", "Data Structures & Algorithms", "Linux", "Rust", "Systems Programming"},
		Preferred: []string{"Blockchain", "Intel SGX", "Machine Learning", "Trusted Execution Environments"}, Mentioned: []string{"ARM TrustZone"}}
	if !reflect.DeepEqual(p.Skills, want) {
		t.Errorf("skills = %+v, want %+v", p.Skills, want)
	}
	if !reflect.DeepEqual(p.Education.Required, []string{"Bachelor's"}) {
		t.Errorf("education = %+v, want Bachelor's required", p.Education)
	}
	if p.MinYearsExperience == nil || *p.MinYearsExperience != 2 {
		t.Errorf("min years = %v, want 2", p.MinYearsExperience)
	}
}

func TestMinYearsNordicAndClauses(t *testing.T) {
	checkMinYears(t, map[string]int{
		"Minst 5 års erfaring som utvikler":                                                       5,
		"Vi söker dig som har minst fem års erfarenhet av att utveckla digitala tjänster":         5,
		"At least 5 years experience developing web applications (preferably with Ruby on Rails)": 5,
	})
}

func TestCJKLocations(t *testing.T) {
	checkLocation(t, map[string]model.Location{
		"北京":        {City: "Beijing", Region: "Beijing", Country: "CN"},
		"北京市":       {City: "Beijing", Region: "Beijing", Country: "CN"},
		"上海市漕河泾开发区": {City: "Shanghai", Region: "Shanghai", Country: "CN"},
		"全远程":       {Remote: true},
	})
}

func TestDegreesOfOtherCountries(t *testing.T) {
	n := normalizer(t)
	tests := []struct {
		name, text string
		locs       []string
		want       model.Education
	}{
		{"undergraduate or graduate", "Requirements:\n- Undergraduate or graduate degrees in computer science or similar technical discipline.", nil,
			model.Education{Required: []string{"Bachelor's"}, Preferred: []string{}}},
		{"Hochschulstudium", "Dein Profil:\n* Hochschulstudium mit Bezug zur Informatik oder abgeschlossene Ausbildung im Bereich Informatik", []string{"Münster"},
			model.Education{Required: []string{"Bachelor's"}, Preferred: []string{}}},
		{"abgeschlossenes Studium", "Was du mitbringst:\n- Erfolgreich abgeschlossenes Studium der Wirtschaftsinformatik oder eine vergleichbare Ausbildung", []string{"Hamburg"},
			model.Education{Required: []string{"Bachelor's"}, Preferred: []string{}}},
		{"本科 with a preference in parentheses", "职位要求：\n1.本科及以上学历（985优先）。编程基础扎实", nil,
			model.Education{Required: []string{"Bachelor's"}, Preferred: []string{}}},
		{"alternatives give the lowest", "Qualifications:\n- You have a Ph.D. or Master's degree in Computer Science, Statistics or a related field.", nil,
			model.Education{Required: []string{"Master's"}, Preferred: []string{}}},
		{"a degree alone in the UK", "Requirements:\n- A degree in Computer Science or a related field", []string{"London, UK"},
			model.Education{Required: []string{"Bachelor's"}, Preferred: []string{}}},
		{"a degree alone in the US", "Requirements:\n- A degree in Computer Science or a related field", []string{"Austin, TX"},
			model.Education{Required: []string{"Bachelor's"}, Preferred: []string{}}},
		{"Licenciatura", "Requisitos:\n- Licenciatura en Informática o afín", []string{"Madrid, Spain"},
			model.Education{Required: []string{"Bachelor's"}, Preferred: []string{}}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{DescriptionText: tt.text, Locations: tt.locs})
		if !reflect.DeepEqual(p.Education, tt.want) {
			t.Errorf("%s: education = %+v, want %+v", tt.name, p.Education, tt.want)
		}
	}
}

func TestMisspellingsByLogic(t *testing.T) {
	n := normalizer(t)
	tests := []struct {
		text string
		want []string
	}{
		{"熟悉 WebSacket 通信和 HTTP/HTTPS 协议", []string{"HTTP", "WebSocket"}},
		{"Experience with Python, Postgress and Redis", []string{"PostgreSQL", "Python", "Redis"}},
		{"Docker, Kubernets and Terraform", []string{"Docker", "Kubernetes", "Terraform"}},
		{"Elastic Search or Big Query", []string{"BigQuery", "Elasticsearch"}},
		{"Pyspark, Tensorflow and Javascript", []string{"JavaScript", "Spark", "TensorFlow"}},
		// English words one letter from a tool stay English.
		{"The closure between December 23 and January 2 is paid.", []string{}},
		{"You will be promoting Figma to existing accounts.", []string{"Figma"}},
		{"Deep knowledge of a vertical, Python and SQL", []string{"Python", "SQL"}},
		{"Our sales force uses HubSpot", []string{"HubSpot"}},
	}
	for _, tt := range tests {
		if got := n.Skills(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Skills(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestURLsAndChineseClauses(t *testing.T) {
	n := normalizer(t)
	// A web address names no skill (a real sentence of a posting).
	p := n.Normalize("s", "c", model.Raw{DescriptionText: "Requirements:\n- We aim to advance the goals of the [Digital Ambition](https://www.canada.ca/en/government/canada-digital-ambition.html) with Python"})
	if want := []string{"Python"}; !reflect.DeepEqual(p.Skills.Required, want) {
		t.Errorf("required = %q, want %q", p.Skills.Required, want)
	}
	// 优先 qualifies its clause only.
	p = n.Normalize("s", "c", model.Raw{DescriptionText: "任职要求：\n2、熟悉 C/C++，一年以上 Rust 开发经验，有实际 Rust 项目经验或 Rust 相关开源项目贡献经验优先；"})
	if want := []string{"C", "C++", "Rust"}; !reflect.DeepEqual(p.Skills.Required, want) {
		t.Errorf("required = %q, want %q", p.Skills.Required, want)
	}
}

func TestHeadingsInOtherLanguages(t *testing.T) {
	// Real lines of Norwegian and Italian postings (dev part of the corpus).
	got := skillsOf(t, model.Raw{DescriptionText: "Vi tilbyr raushet, rettferdige vilkår, god lønn.\n## Du har\n- God erfaring med Kubernetes, og Kustomize eller Helm\n- Erfaring med C# og .NET\n" +
		"## Det er også fint om du\n- Kan noe Infrastructure as Code / Terraform\n## Hos oss får du:\n- Docker"})
	want := model.Skills{Required: []string{".NET", "C#", "Helm", "Kubernetes", "Kustomize"}, Preferred: []string{"Infrastructure as Code", "Terraform"}}
	if !reflect.DeepEqual(got.Required, want.Required) || !reflect.DeepEqual(got.Preferred, want.Preferred) || !slices.Contains(got.Mentioned, "Docker") {
		t.Errorf("Norwegian: got %+v\nwant %+v", got, want)
	}
	got = skillsOf(t, model.Raw{DescriptionText: "## Qualifiche chiave\n-   Esperienza con protocolli di rete e di *messaging*, interfacce\n    *REST* e *GRPC*\n-   Esperienza nelle seguenti aree: programmazione *multi-thread*, *socket TCP/IP*, SQLite\n## Compenso\nFino a 90.000 euro"})
	want = model.Skills{Required: []string{"Computer Networking", "REST APIs", "SQLite", "gRPC"}, Preferred: []string{}, Mentioned: []string{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Italian: got %+v\nwant %+v", got, want)
	}
}

func TestSalaryLabelsAndChinese(t *testing.T) {
	s := func(min, max float64, cur, period string) model.Salary {
		return model.Salary{Min: min, Max: max, Currency: cur, Period: period}
	}
	// Two labelled amounts of one range (a real posting's front matter).
	if got, want := Salaries("min_payrange: $ 143,736\nmax_payrange: $ 191,900\n"), []model.Salary{s(143736, 191900, "USD", "year")}; !reflect.DeepEqual(got, want) {
		t.Errorf("labelled range = %+v, want %+v", got, want)
	}
	// The same fields run together on one line by a wrapped text.
	if got, want := Salaries("gs: min_payrange: $ 143,736 max_payrange: $ 191,900 travel_requirement: Occasional travel may be required up to 10% per year"), []model.Salary{s(143736, 191900, "USD", "year")}; !reflect.DeepEqual(got, want) {
		t.Errorf("labelled range = %+v, want %+v", got, want)
	}
	n := normalizer(t)
	// No currency, the country of the role: China (a real line).
	p := n.Normalize("s", "c", model.Raw{Locations: []string{"北京"}, DescriptionText: "薪资：10-15K·13薪"})
	if want := []model.Salary{s(10000, 15000, "CNY", "month")}; !reflect.DeepEqual(p.Salary, want) {
		t.Errorf("salary = %+v, want %+v", p.Salary, want)
	}
	p = n.Normalize("s", "c", model.Raw{Locations: []string{"上海"}, DescriptionText: "年薪：40-150万"})
	if want := []model.Salary{s(400000, 1500000, "CNY", "year")}; !reflect.DeepEqual(p.Salary, want) {
		t.Errorf("salary = %+v, want %+v", p.Salary, want)
	}
}

func TestMoreLocationLabels(t *testing.T) {
	L := func(city, region, country string, remote bool) model.Location {
		return model.Location{City: city, Region: region, Country: country, Remote: remote}
	}
	checkLocations(t, map[string][]model.Location{
		"San Francisco Bay Area & Remote": {L("San Francisco", "California", "US", false), L("", "", "", true)},
		"Anywhere in the U.S. (remote)":   {L("", "", "US", true)},
		"Anywhere in the U.S.":            {L("", "", "US", true)},
		"广州或深圳":                           {L("Guangzhou", "Guangdong", "CN", false), L("Shenzhen", "Guangdong", "CN", false)},
		"北京/多伦多/远程":                       {L("Beijing", "Beijing", "CN", false), L("Toronto", "Ontario", "CA", false), L("", "", "", true)},
		"新加坡":                             {L("Singapore", "", "SG", false)},
	})
}

func TestRemoteBesideACity(t *testing.T) {
	// "Remote" beside a city label: remote work is not tied to that city's country.
	p := normalizer(t).Normalize("s", "c", model.Raw{Locations: []string{"Singapore", "Remote"}})
	want := []model.Location{{Remote: true}, {City: "Singapore", Country: "SG"}}
	if !reflect.DeepEqual(p.Locations, want) {
		t.Errorf("locations = %+v, want %+v", p.Locations, want)
	}
}

func TestRegionsInEnglish(t *testing.T) {
	checkLocation(t, map[string]model.Location{
		"München, Bayern, Deutschland":       {City: "Munich", Region: "Bavaria", Country: "DE"},
		"Barcelona, Catalunya, Spain":        {City: "Barcelona", Region: "Catalonia", Country: "ES"},
		"Frankfurt am Main, Hessen, Germany": {City: "Frankfurt am Main", Region: "Hesse", Country: "DE"},
		"Warsaw,Masovian Voivodeship,Poland": {City: "Warsaw", Region: "Masovian Voivodeship", Country: "PL"},
	})
}

func TestPastExperienceSentences(t *testing.T) {
	// No heading: sentences phrased as past experience or as the ideal
	// candidate are requirements; "You will" sentences are not.
	got := skillsOf(t, model.Raw{DescriptionText: "You will build data pipelines in Spark.\n" +
		"You've built production services in Go or Java.\n" +
		"The ideal candidate has worked with Presto, Trino or BigQuery."})
	want := model.Skills{Required: []string{"BigQuery", "Go", "Java", "Presto", "Trino"}, Preferred: []string{}, Mentioned: []string{"ETL", "Spark"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// A posting in another language written in the Latin script gets no
// guesses made for English words: names as written still count (and the
// German cues classify them), a misspelling is not repaired, and an
// ambiguous name that starts a sentence before a lower-case word is not
// taken for the tool. The lines are from a real German posting
// (superluminar, Senior Cloud Consultant); the misspelled list is the one
// of TestMisspellingsByLogic, put into the same German sentence.
func TestNoEnglishGuessesInOtherLanguages(t *testing.T) {
	n := normalizer(t)
	de := "Was du mitbringst:\n" +
		"- Du verfügst über mehrjährige Erfahrung im Bau von Cloud-Architekturen mit mindestens einer dieser Cloud-Plattformen: AWS, Azure, Google Cloud Plattform\n" +
		"- Du hast Erfahrungen mit Docker und Serverless Computing\n" +
		"- Du kennst dich mit Configuration Management-Tools wie z.B. Cloudformation, Terraform, Chef, etc. aus\n"
	p := n.Normalize("s", "c", model.Raw{Title: "Senior Cloud Consultant (m/w/d)", DescriptionText: de})
	if p.Language != "de" {
		t.Fatalf("language = %q, want de", p.Language)
	}
	for _, want := range []string{"AWS", "Azure", "Docker", "Terraform"} {
		if !slices.Contains(p.Skills.Required, want) {
			t.Errorf("German posting: required %q lacks %s", p.Skills.Required, want)
		}
	}

	misspelled := "- Du hast Erfahrungen mit Docker, Kubernets und Terraform\n"
	p = n.Normalize("s", "c", model.Raw{DescriptionText: de + misspelled})
	if all := slices.Concat(p.Skills.Required, p.Skills.Preferred, p.Skills.Mentioned); slices.Contains(all, "Kubernetes") {
		t.Errorf("German posting: %q repaired to Kubernetes: %q", "Kubernets", all)
	}
	p = n.Normalize("s", "c", model.Raw{DescriptionText: "Requirements:\n- Docker, Kubernets and Terraform\n"})
	if !slices.Contains(p.Skills.Required, "Kubernetes") {
		t.Errorf("English posting: required = %q, want Kubernetes repaired", p.Skills.Required)
	}

	// The matcher itself: same words, the language decides.
	for _, tt := range []struct {
		text, lang string
		want       []string
	}{
		{"Docker, Kubernets und Terraform", "de", []string{"Docker", "Terraform"}},
		{"Docker, Kubernets and Terraform", "en", []string{"Docker", "Kubernetes", "Terraform"}},
		// Latin words in Chinese text are names: the repair stays
		{"熟悉 WebSacket 通信和 HTTP/HTTPS 协议", "zh", []string{"HTTP", "WebSocket"}},
		{"Go über die Grenzen hinaus. Python und Docker", "de", []string{"Docker", "Python"}},
		{"Go und Python sind unsere Sprachen", "de", []string{"Go", "Python"}},
	} {
		lower := string(asciiLower(tt.text, nil))
		var got []string
		for _, h := range n.m.findIn(tt.text, lower, tokenize(tt.text, nil), nil, tt.lang) {
			if h.id >= 0 && int(h.id) < len(n.names) && !slices.Contains(got, n.names[h.id]) {
				got = append(got, n.names[h.id])
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("findIn(%q, %s) = %q, want %q", tt.text, tt.lang, got, tt.want)
		}
	}
}

// An alias written "~Name" counts only among other skills: "Cursor" and
// "Claude" in a list of tools, not the word or the first name alone. The
// tool-list sentences are real (corpus: superluminar, CFPB); the lone
// sentences are ordinary English.
func TestListOnlyAliases(t *testing.T) {
	n := normalizer(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Du bist mit CI, CD und Observability vertraut (bspw.: CodePipeline, Travis, Jenkins, Cloudwatch, Prometheus)",
			[]string{"AWS CodePipeline", "Amazon CloudWatch", "Jenkins", "Observability", "Prometheus", "Travis CI"}},
		{"Are Jenkins and Travis your friends?", []string{"Jenkins", "Travis CI"}},
		{"Travis will be your manager.", []string{}},
		{"You use coding assistants such as GitHub Copilot, Cursor or Claude Code daily.", []string{"Claude", "Cursor", "GitHub Copilot"}},
		{"Move the Cursor to the cell and click.", []string{}},
		{"Claude, our head of finance, will onboard you.", []string{}},
		{"熟悉常见脚本语言如 Shell 和 Python的使用", []string{"Bash", "Python"}},
		{"Experience with Shell, the energy company, is not needed.", []string{}},
		{"Esperienza su larga scala con Python", []string{"Python"}},
		{"Building native apps in Rust or WASM", []string{"Rust", "WebAssembly"}},
		{"best practices for a distributed, cloud-based system", []string{"Cloud Computing"}},
		{"Expérience avec des plateforme d’infonuagique (AWS, Azure)", []string{"AWS", "Azure", "Cloud Computing"}},
	}
	for _, tt := range tests {
		if got := n.Skills(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Skills(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// In a posting in Chinese, a case-sensitive name written in lower case next
// to a Chinese character is the name: the sentences are real (corpus:
// Horizon Robotics, PingCAP). In English the lower-case word stays a word.
func TestLowerCaseNamesInChineseText(t *testing.T) {
	n := normalizer(t)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"岗位要求：\n1. 掌握rust基本用法，能用rust进行生产环境的开发。", []string{"Rust"}},
		{"任职资格\n2.掌握一门后端语言，理解该语言特性，golang、rust 更佳；", []string{"Go", "Rust"}},
		{"Requirements:\n- You will go through rust and dust with us.", []string{}},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Rust 开发实习生", DescriptionText: tt.text})
		got := slices.Concat(p.Skills.Required, p.Skills.Preferred, p.Skills.Mentioned)
		slices.Sort(got)
		if !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("%q (%s): skills %q, want %q", tt.text, p.Language, got, tt.want)
		}
	}
}

// Pay in a posting in Chinese with no place given is in yuan, and a figure
// in thousands is by the month unless it says otherwise (real lines of
// postings in the corpus).
func TestChinesePayWithoutPlace(t *testing.T) {
	n := normalizer(t)
	s := func(min, max float64, cur, period string) model.Salary {
		return model.Salary{Min: min, Max: max, Currency: cur, Period: period}
	}
	for _, tt := range []struct {
		text string
		want []model.Salary
	}{
		{"职位描述\n地点： 广州或深圳 ，公司包住宿，15-30k+，更高薪资可谈", []model.Salary{s(15000, 30000, "CNY", "month")}},
		{"上海息未信息科技： Rust开发工程师   10-15K·13薪", []model.Salary{s(10000, 15000, "CNY", "month")}},
		{"高频量化研究员 年薪：100-350万", nil},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Rust 开发工程师", DescriptionText: tt.text})
		if tt.want == nil {
			for _, g := range p.Salary {
				if g.Period == "month" {
					t.Errorf("%q: salary %+v, a yearly figure read as monthly", tt.text, p.Salary)
				}
			}
			continue
		}
		if !reflect.DeepEqual(p.Salary, tt.want) {
			t.Errorf("%q: salary %+v, want %+v", tt.text, p.Salary, tt.want)
		}
	}
	// In English with no place, no currency is guessed.
	if p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: "Compensation: 15-30k depending on experience."}); len(p.Salary) != 0 {
		t.Errorf("English, no place: salary %+v, want none", p.Salary)
	}
}

// French titles: inclusive endings ("·euse", "·e") and a level after the
// noun do not hide the role (the first title is real, from the corpus; the
// others are its forms).
func TestRoleFrenchTitles(t *testing.T) {
	checkRoles(t, map[string]string{
		"Développeur·euse principal·e de données — L’équipe des services de base": RoleDataEngineer,
		"Développeuse principale de données":                                      RoleDataEngineer,
		"Développeur·euse d’applications React/Web":                               RoleSoftwareEngineer,
		"Principal Software Engineer":                                             RoleSoftwareEngineer,
		"Senior Data Engineer":                                                    RoleDataEngineer,
	})
	if got := Levels("Développeur·euse principal·e de données"); !slices.Equal(got, []string{"Principal"}) {
		t.Errorf("levels = %q, want [Principal]", got)
	}
}

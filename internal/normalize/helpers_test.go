package normalize

import (
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain   text\n here", "plain text here"},
		{"<p>Hello <b>world</b></p><p>Second&nbsp;para</p>", "Hello world\nSecond para"},
		{"<ul><li>One</li><li>Two <i>x</i></li></ul>", "One\nTwo x"},
		{"<h3>Title</h3>line<br>next<br/>last", "Title\nline\nnext\nlast"},
		{"<p>a<script>var x = 1;</script>b</p><style>p{}</style>", "ab"},
		{"<div><p>• bullet</p></div>", "bullet"},
		{"&lt;p&gt;escaped &amp;amp; twice&lt;/p&gt;&lt;p&gt;b&lt;/p&gt;", "escaped & twice\nb"},
		{"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"},
		{"<p>We&#39;re &ldquo;eager&rdquo;</p>", "We're “eager”"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLevels(t *testing.T) {
	tests := []struct {
		title string
		want  []string
	}{
		{"Software Engineer (L5), Systems Optimization", []string{"L5"}},
		{"Software Engineer L5", []string{"L5"}},
		{"Software Engineer - L5, Ads", []string{"L5"}},
		{"Research Scientist/Engineer (L5/L6)", []string{"L5", "L6"}},
		{"Machine Learning Software Engineer (L4/L5)", []string{"L4", "L5"}},
		{"Data Engineer L6/L5", []string{"L5", "L6"}},
		{"Research Scientist 5/6", []string{"L5", "L6"}},
		{"Data Scientist (5/6) - Growth", []string{"L5", "L6"}},
		{"Software Engineer, Level 5", []string{"L5"}},
		{"Senior Software Engineer (L5)", []string{"L5"}},
		{"Support Engineer 24/7 rotation", []string{}},
		{"HTML5 Engineer", []string{}},
		{"Senior Data Engineer", []string{"Senior"}},
		{"Sr. Data Engineer", []string{"Senior"}},
		{"Staff Software Engineer", []string{"Staff"}},
		{"Senior Staff Engineer", []string{"Senior Staff"}},
		{"Principal Engineer", []string{"Principal"}},
		{"Distinguished Engineer", []string{"Distinguished"}},
		{"Tech Lead, Data Platform", []string{"Lead"}},
		{"Engineering Manager - Model Development", []string{}}, // PROTOCOL.md, Levels
		{"Senior Manager, Content Data Engineering", []string{"Senior Manager"}},
		{"Senior Engineering Manager", []string{"Senior"}},
		{"Director, Media Relations", []string{"Director"}},
		{"Senior Director, Data Science", []string{"Senior Director"}},
		{"VP, Engineering", []string{"VP"}},
		{"Vice President of Data", []string{"VP"}},
		{"Senior Product Manager", []string{"Senior"}},
		{"Machine Learning Intern", []string{"Intern"}},
		{"Junior Data Analyst", []string{"Junior"}},
		{"Data Engineer", []string{}},
	}
	for _, tt := range tests {
		got := Levels(tt.title)
		if got == nil {
			t.Errorf("Levels(%q) = nil", tt.title)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Levels(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestRole(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Research Scientist/Engineer (L5/L6) - AI for Member Systems", RoleResearchScientist},
		{"Research Engineer, LLM Training", RoleResearchEngineer},
		{"Machine Learning Engineer - Personalization", RoleMLEngineer},
		{"Machine Learning Software Engineer (L4/L5)", RoleMLEngineer},
		{"ML Engineer - Ads Platform Engineering", RoleMLEngineer},
		{"Software Engineer (L5), LLM Evaluation & Infrastructure", RoleSoftwareEngineer},
		{"Software Engineer - Training Platform, ML Platform", RoleSoftwareEngineer},
		{"Senior Software Engineer, Machine Learning Platform", RoleSoftwareEngineer},
		{"Senior Data Engineer - Content Management & Distribution", RoleDataEngineer},
		{"Data Scientist (L5) - Experimentation", RoleDataScientist},
		{"Analytics Engineer (L5)", RoleAnalyticsEngineer},
		{"Data Visualization Engineer", RoleAnalyticsEngineer},
		{"Data Analyst, Marketing", RoleDataAnalyst},
		{"Engineering Manager - Model Development, ML Platform", RoleEngineeringManager},
		{"Senior Manager, Content Data Engineering", RoleEngineeringManager},
		{"Director, Data Engineering", RoleEngineeringManager},
		{"Manager, Data Science & Analytics", RoleDataScienceManager},
		{"Director, Media Relations", RoleOther},
		{"Product Manager, Personalization", RoleProductManager},
		{"Senior Technical Program Manager", RoleProgramManager},
		{"Product Designer, TV", RoleDesigner},
		{"UX Researcher", RoleUXResearcher},
		{"Site Reliability Engineer", RoleSRE},
		{"Security Engineer (L5)", RoleSecurityEngineer},
		{"Machine Learning Scientist", RoleResearchScientist},
		{"Tech Lead, Data Engineering", RoleDataEngineer},
		{"Recruiter, Data Science", RoleOther},
		{"Audio Engineer", RoleOther},
		{"Machine Learning Intern", RoleMLEngineer},
		{"(1099 Contract) Nonprofit Salesforce Consultant: Enterprise Project Manager", RoleProgramManager},
		{"", RoleOther},
	}
	for _, tt := range tests {
		if got := Role(tt.title); got != tt.want {
			t.Errorf("Role(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestSalaries(t *testing.T) {
	s := func(min, max float64, cur, period string) model.Salary {
		return model.Salary{Min: min, Max: max, Currency: cur, Period: period}
	}
	tests := []struct {
		text string
		want []model.Salary
	}{
		{"The range for this role is $100,000 - $720,000.", []model.Salary{s(100000, 720000, "USD", "year")}},
		{"Range: $100K - $500K", []model.Salary{s(100000, 500000, "USD", "year")}},
		{"The range for this role is $310,000 - $1,870,000.", []model.Salary{s(310000, 1870000, "USD", "year")}},
		{"$45.50 - $60 per hour", []model.Salary{s(45.5, 60, "USD", "hour")}},
		{"$45.50/hr to $60/hr", []model.Salary{s(45.5, 60, "USD", "hour")}},
		{"Hourly rate: $30 - $40", []model.Salary{s(30, 40, "USD", "hour")}},
		{"€60.000 - €80.000 gross", []model.Salary{s(60000, 80000, "EUR", "year")}},
		{"EUR 60,000-80,000", []model.Salary{s(60000, 80000, "EUR", "year")}},
		{"£50k–£70k", []model.Salary{s(50000, 70000, "GBP", "year")}},
		{"USD 150,000 to 200,000 annually", []model.Salary{s(150000, 200000, "USD", "year")}},
		{"PLN 20 000 - 30 000 per month", []model.Salary{s(20000, 30000, "PLN", "month")}},
		{"20 000 - 30 000 PLN monthly", []model.Salary{s(20000, 30000, "PLN", "month")}},
		{"60.000 € - 80.000 €", []model.Salary{s(60000, 80000, "EUR", "year")}},
		{"$150,000", []model.Salary{s(150000, 150000, "USD", "year")}},
		{"$100-150K", []model.Salary{s(100000, 150000, "USD", "year")}},
		{"CA$120,000 - CA$150,000", []model.Salary{s(120000, 150000, "CAD", "year")}},
		{"US: $100,000 - $200,000. UK: £80,000 - £120,000. US again: $100,000 - $200,000.",
			[]model.Salary{s(100000, 200000, "USD", "year"), s(80000, 120000, "GBP", "year")}},
		{"401(k) plan with 4% match", []model.Salary{}},
		{"a $1 billion company", []model.Salary{}},
		{"raised $50M in funding", []model.Salary{}},
		{"a $5,000 learning stipend", []model.Salary{}},
		{"100,000 - 200,000 per year", []model.Salary{}},
		{"over 25 years, 190 countries", []model.Salary{}},
		{"$5", []model.Salary{}},
		{"¥15M - ¥30M per year", []model.Salary{s(15000000, 30000000, "JPY", "year")}},
		{"$1.2-1.8M", []model.Salary{s(1200000, 1800000, "USD", "year")}},
		{"a $5M seed round", []model.Salary{}},
		{"US$ 250,000 - US$ 650,000", []model.Salary{s(250000, 650000, "USD", "year")}},
		{"300.000 zł - 450.000 zł per year", []model.Salary{s(300000, 450000, "PLN", "year")}},
		{"₹4,000,000 - ₹8,000,000 per annum", []model.Salary{s(4000000, 8000000, "INR", "year")}},
		{"A$110,000 - A$160,000", []model.Salary{s(110000, 160000, "AUD", "year")}},
	}
	for _, tt := range tests {
		if got := Salaries(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Salaries(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

func TestLocation(t *testing.T) {
	tests := []struct {
		label string
		want  model.Location
	}{
		{"Los Gatos,California,United States of America", model.Location{City: "Los Gatos", Region: "California", Country: "US"}},
		{"Los Gatos, California, United States of America", model.Location{City: "Los Gatos", Region: "California", Country: "US"}},
		{"Warsaw,Masovian Voivodeship,Poland", model.Location{City: "Warsaw", Region: "Masovian Voivodeship", Country: "PL"}},
		{"Remote (USA)", model.Location{Country: "US", Remote: true}},
		{"Remote, United States of America", model.Location{Country: "US", Remote: true}},
		{"USA - Remote", model.Location{Country: "US", Remote: true}},
		{"Remote US", model.Location{Country: "US", Remote: true}},
		{"Remote", model.Location{Remote: true}},
		{"New York, NY", model.Location{City: "New York", Region: "New York", Country: "US"}},
		{"Los Gatos, CA, US", model.Location{City: "Los Gatos", Region: "California", Country: "US"}},
		{"Los Gatos, California", model.Location{City: "Los Gatos", Region: "California", Country: "US"}},
		{"London, United Kingdom", model.Location{City: "London", Region: "England", Country: "GB"}},
		{"London, UK", model.Location{City: "London", Region: "England", Country: "GB"}},
		{"Manchester, England", model.Location{City: "Manchester", Region: "England", Country: "GB"}},
		{"Berlin, DE", model.Location{City: "Berlin", Region: "Berlin", Country: "DE"}},
		{"Toronto, ON", model.Location{City: "Toronto", Region: "Ontario", Country: "CA"}},
		{"Madrid, Spain", model.Location{City: "Madrid", Region: "Community of Madrid", Country: "ES"}},
		{"Tokyo", model.Location{City: "Tokyo", Region: "Tokyo", Country: "JP"}},
		{"Seoul, South Korea", model.Location{City: "Seoul", Region: "Seoul", Country: "KR"}},
		{"Mumbai, Maharashtra, India", model.Location{City: "Mumbai", Region: "Maharashtra", Country: "IN"}},
		{"Singapore", model.Location{City: "Singapore", Country: "SG"}},
		{"U.S.A.", model.Location{Country: "US"}},
		{"Texas", model.Location{Region: "Texas", Country: "US"}},
		{"Atlantis, Mu", model.Location{Name: "Atlantis, Mu"}},
		{"Remote - US/Canada", model.Location{Name: "Remote - US/Canada", Remote: true}},
		{"Germany/Remote", model.Location{Country: "DE", Remote: true}},
		{"Toronto, Ontario", model.Location{City: "Toronto", Region: "Ontario", Country: "CA"}},
		{"Toronto, ON, Canada", model.Location{City: "Toronto", Region: "Ontario", Country: "CA"}},
		{"Washington, D.C.", model.Location{City: "Washington", Region: "District of Columbia", Country: "US"}},
		{"  ", model.Location{}},
	}
	for _, tt := range tests {
		if got := Location(tt.label); got != tt.want {
			t.Errorf("Location(%q) = %+v, want %+v", tt.label, got, tt.want)
		}
	}
}

func TestMinYears(t *testing.T) {
	tests := []struct {
		text string
		want int // -1: nil
	}{
		{"6+ years of research experience", 6},
		{"at least five years of experience", 5},
		{"5-8 years of experience", 5},
		{"5 to 8 years in industry", 5},
		{"minimum of 3 years", 3},
		{"3+ yrs building pipelines", 3},
		{"3 or more years of experience", 3},
		{"five (5) years of experience", 5},
		{"8+ years with Java; 4+ years with Python", 4},
		{"10 years' experience", 10},
		{"We launched 5 years ago.", -1},
		{"Over 25 years, Netflix has grown.", -1},
		{"For 3 years running we won awards", -1},
		{"2025 years of experience", -1},
		{"no numbers here", -1},
	}
	for _, tt := range tests {
		got := MinYears(tt.text)
		if tt.want < 0 {
			if got != nil {
				t.Errorf("MinYears(%q) = %d, want nil", tt.text, *got)
			}
			continue
		}
		if got == nil || *got != tt.want {
			t.Errorf("MinYears(%q) = %v, want %d", tt.text, got, tt.want)
		}
	}
}

func TestWorkplace(t *testing.T) {
	remote := []model.Location{{Country: "US", Remote: true}}
	office := []model.Location{{City: "Los Gatos", Country: "US"}}
	tests := []struct {
		hint string
		locs []model.Location
		text string
		want string
	}{
		{"onsite", nil, "", "onsite"},
		{"remote_local", nil, "", "remote"},
		{"hybrid", remote, "", "hybrid"},
		{"Remote", nil, "", "remote"},
		{"On-site", nil, "", "onsite"},
		{"TELECOMMUTE", nil, "", "remote"},
		{"", remote, "", "remote"},
		{"", office, "This role is remote.", "remote"},
		{"", office, "This is a hybrid role with 3 days a week in the office.", "hybrid"},
		{"", office, "This role is not remote.", "onsite"},
		{"", office, "We run a hybrid cloud.", ""},
		{"", nil, "", ""},
	}
	for _, tt := range tests {
		if got := Workplace(tt.hint, tt.locs, tt.text); got != tt.want {
			t.Errorf("Workplace(%q, %v, %q) = %q, want %q", tt.hint, tt.locs, tt.text, got, tt.want)
		}
	}
}

func TestEmploymentType(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Full-time", "full_time"}, {"FULL_TIME", "full_time"}, {"Regular", "full_time"}, {"Permanent", "full_time"},
		{"Part-time", "part_time"}, {"PART_TIME", "part_time"}, {"Contract", "contract"}, {"Contractor", "contract"},
		{"Temporary", "temporary"}, {"Fixed Term", "temporary"}, {"Intern", "internship"}, {"INTERN", "internship"},
		{"Internship", "internship"}, {"", ""}, {"Other", ""},
	}
	for _, tt := range tests {
		if got := EmploymentType(tt.in); got != tt.want {
			t.Errorf("EmploymentType(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSkillAliases(t *testing.T) {
	n := normalizer(t)
	tests := []struct {
		text string
		want []string
	}{
		{"We use Go and Golang.", []string{"Go"}},
		{"go the extra mile", []string{}},
		{"our go-to-market team", []string{}},
		{"Go-to-market strategy", []string{}},
		{"Go to market with us", []string{}},
		{"the Go-to person", []string{}},
		{"let's go build", []string{}},
		{"R and Python", []string{"Python", "R"}},
		{"R&D and R & D budgets", []string{}},
		{"r is not R", []string{"R"}},
		{"C and C++ and C#", []string{"C", "C#", "C++"}},
		{"C/C++", []string{"C", "C++"}},
		{"C-suite leaders at a Series C startup", []string{}},
		{"Spark and PySpark; it sparked joy", []string{"Spark"}},
		{"TF and tf and TensorFlow", []string{"TensorFlow"}},
		{"TF-IDF features", []string{}},
		{"k8s clusters", []string{"Kubernetes"}},
		{"LLM, LLMs and large language models", []string{"LLMs"}},
		{"A/B tests, A/B testing, AB testing", []string{"A/B Testing"}},
		{"a / b", []string{}},
		{"{Java || Kotlin || C#}", []string{"C#", "Java", "Kotlin"}},
		{"fine-tuning, fine tuning and finetuning", []string{"Fine-tuning"}},
		{"pre-training and pretraining", []string{"Pretraining"}},
		{"Node.js and NodeJS", []string{"Node.js"}},
		{"machine, learning", []string{}},
		{"machine\nlearning", []string{}},
		{"Machine Learning (ML) and AI/ML", []string{"Artificial Intelligence", "Machine Learning"}},
		{"Apache Iceberg; the tip of the iceberg", []string{"Iceberg"}},
		{"distributed systems", []string{"Distributed Systems"}},
		{"react quickly", []string{}},
		{"React and TypeScript", []string{"React", "TypeScript"}},
		{"search for talent", []string{}},
		{"Search and recommendations", []string{"Search"}},
		{"Search for the simplest explanation.", []string{}},
		{"Go deeper than the dashboard.", []string{}},
		{"Go experience is a plus.", []string{"Go"}},
		{"We hire and supervised teams of engineers.", []string{}},
		{"supervised and unsupervised methods", []string{"Supervised Learning", "Unsupervised Learning"}},
		{"Google Sheets and MS Excel", []string{"Excel", "Google Sheets"}},
		{"excel at SQL", []string{"SQL"}},
		{"Python3 and python", []string{"Python"}},
		{"S3, EC2 and s3", []string{"Amazon EC2", "Amazon S3"}},
		{"career growth and job security", []string{}},
	}
	for _, tt := range tests {
		if got := n.Skills(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Skills(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestSeedCoverage checks that every technology, discipline and domain of
// the seed document is in the taxonomy.
func TestSeedCoverage(t *testing.T) {
	n := normalizer(t)
	seed := []string{
		"Python", "TensorFlow", "PyTorch", "Java", "Scala", "JAX", "Spark", "Hive", "Flink", "Hadoop", "AWS",
		"GCP", "Azure", "Distributed Systems", "Distributed Training", "LLMs", "Pretraining", "Fine-tuning",
		"Distillation", "Post-training", "Foundation Models", "LLM Evaluation", "Deep Learning",
		"Supervised Learning", "Unsupervised Learning", "Reinforcement Learning", "Causal Inference", "NLP",
		"Conversational Agents", "Knowledge Graphs", "Computer Vision", "Video Understanding",
		"Computer Graphics", "Recommender Systems", "Personalization", "Search", "Bandits",
		"Computational Advertising", "Experimentation", "A/B Testing", "Machine Learning", "SQL", "Go", "C++",
		"C", "C#", "Kotlin", "Rust", "R", "JavaScript", "TypeScript", "Node.js", "React", "Kubernetes",
		"Docker", "Kafka", "Airflow", "Presto", "Trino", "Iceberg", "dbt", "gRPC", "GraphQL", "Linux", "GPUs",
		"CUDA", "Snowflake", "BigQuery", "Tableau", "Terraform", "MLOps", "Statistics", "Cloud Computing",
		"Image Processing", "Content Understanding",
	}
	for _, s := range seed {
		if n.Taxonomy().Category(s) == "" {
			t.Errorf("seed skill %q is not in the taxonomy", s)
		}
		if got := n.Skills(s); len(got) != 1 || got[0] != s {
			t.Errorf("Skills(%q) = %q, want its own name", s, got)
		}
	}
	// Seed phrases, as the seed writes them.
	phrases := map[string]string{
		"Large Language Models (LLMs)":        "LLMs",
		"Apache Spark":                        "Spark",
		"Natural Language Processing (NLP)":   "NLP",
		"Large-scale Distributed Systems":     "Distributed Systems",
		"Distributed Training Infrastructure": "Distributed Training",
		"Post-training optimization":          "Post-training",
		"Cloud Computing Platforms":           "Cloud Computing",
		"Offline Experimentation":             "Experimentation",
		"Jax":                                 "JAX",
		"Recommender Systems":                 "Recommender Systems",
	}
	for p, want := range phrases {
		got := n.Skills(p)
		found := false
		for _, g := range got {
			found = found || g == want
		}
		if !found {
			t.Errorf("Skills(%q) = %q, want %q among them", p, got, want)
		}
	}
}

func TestSections(t *testing.T) {
	n := normalizer(t)
	tests := []struct {
		name, html string
		want       model.Skills
		edu        model.Education
	}{
		{
			name: "h3 headings",
			html: `<p>We use Kafka.</p><h3>Basic Qualifications</h3><ul><li>Python</li></ul><h3>Preferred Qualifications</h3><ul><li>Scala</li><li>Python</li></ul>`,
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"Scala"}, Mentioned: []string{"Kafka"}},
		},
		{
			name: "bold alone, colon outside",
			html: `<p><strong>We're Eager to Talk to You If</strong>:</p><ul><li>Java</li></ul><p><strong>Some nice to haves</strong></p><ul><li>Rust</li></ul><p><b>Benefits</b></p><p>Kotlin</p>`,
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Rust"}, Mentioned: []string{"Kotlin"}},
		},
		{
			name: "plain colon lines and a lead-in",
			html: `<p>Requirements:</p><ul><li>SQL</li></ul><p>Experience with one or more of the following:</p><ul><li>Hive</li></ul><p>What you'll do:</p><ul><li>Flink</li></ul>`,
			want: model.Skills{Required: []string{"Hive", "SQL"}, Preferred: []string{}, Mentioned: []string{"Flink"}},
		},
		{
			name: "markers in a required bullet",
			html: `<p><b>Must-Have Skills</b></p><ul><li>Python; Scala is a plus.</li><li>Spark. Nice to have: Flink and Trino</li><li>Preferred: Kafka</li><li>Bonus: Airflow</li></ul><p><b>Nice To Have</b></p><ul><li>Go</li></ul>`,
			want: model.Skills{Required: []string{"Python", "Spark"}, Preferred: []string{"Airflow", "Flink", "Go", "Kafka", "Scala", "Trino"}, Mentioned: []string{}},
		},
		{
			name: "bold label",
			html: `<ul><li><b>Requirements:</b> Java</li><li><b>Pluses:</b> Kotlin</li></ul>`,
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Kotlin"}, Mentioned: []string{}},
		},
		{
			name: "education phrasing",
			html: `<p>About the team: we like PhDs.</p><p>Qualifications</p><ul><li>BS in Computer Science required; MS or PhD preferred.</li></ul>`,
			want: model.Skills{Required: []string{}, Preferred: []string{}, Mentioned: []string{}},
			edu:  model.Education{Required: []string{"Bachelor's"}, Preferred: []string{"Master's", "PhD"}},
		},
		{
			name: "preference scoped to a clause",
			html: `<h3>Qualifications</h3><ul><li>BS in Computer Science, Statistics or a related field, MS preferred.</li><li>Kubernetes and a public cloud (AWS preferred).</li><li>Strong Java, preferably Kotlin.</li><li>Experience with Spark, Kafka or Flink is preferred.</li></ul>`,
			want: model.Skills{Required: []string{"Cloud Computing", "Java", "Kubernetes", "Statistics"}, Preferred: []string{"AWS", "Flink", "Kafka", "Kotlin", "Spark"}, Mentioned: []string{}},
			edu:  model.Education{Required: []string{"Bachelor's"}, Preferred: []string{"Master's"}},
		},
		{
			name: "education in the intro",
			html: `<p>A Master's or PhD is preferred. You'll have a B.S. or equivalent.</p>`,
			want: model.Skills{Required: []string{}, Preferred: []string{}, Mentioned: []string{}},
			edu:  model.Education{Required: []string{"Bachelor's"}, Preferred: []string{"Master's", "PhD"}},
		},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{DescriptionHTML: tt.html})
		if !reflect.DeepEqual(p.Skills, tt.want) {
			t.Errorf("%s: skills = %+v, want %+v", tt.name, p.Skills, tt.want)
		}
		if tt.edu.Required == nil {
			tt.edu = model.Education{Required: []string{}, Preferred: []string{}}
		}
		if !reflect.DeepEqual(p.Education, tt.edu) {
			t.Errorf("%s: education = %+v, want %+v", tt.name, p.Education, tt.edu)
		}
	}
}

func TestStructuredSections(t *testing.T) {
	n := normalizer(t)
	p := n.Normalize("s", "c", model.Raw{
		Sections: []model.Section{
			{Heading: "Responsibilities", Items: []string{"Build Kafka pipelines"}},
			{Heading: "What you'll need", Items: []string{"5+ years of Java"}},
			{Heading: "Nice to have", Items: []string{"Scala"}},
		},
	})
	want := model.Skills{Required: []string{"Java"}, Preferred: []string{"Scala"}, Mentioned: []string{"Kafka"}}
	if !reflect.DeepEqual(p.Skills, want) {
		t.Errorf("skills = %+v, want %+v", p.Skills, want)
	}
	if p.MinYearsExperience == nil || *p.MinYearsExperience != 5 {
		t.Errorf("min years = %v", p.MinYearsExperience)
	}
	if !strings.Contains(p.Description, "Responsibilities\nBuild Kafka pipelines") {
		t.Errorf("description = %q", p.Description)
	}
}

func TestLoadTaxonomy(t *testing.T) {
	base, err := LoadTaxonomy(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := base.Category("Python"); got != "language" {
		t.Errorf("Category(Python) = %q", got)
	}
	if got := base.Category("Nope"); got != "" {
		t.Errorf("Category(Nope) = %q", got)
	}
	ext, err := LoadTaxonomy([]SkillDef{
		{Name: "Metaflow", Category: "tool", Aliases: []string{"MF pipelines"}},
		{Name: "Zig", Category: "language", Aliases: []string{"=Zig"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := ext.Category("Metaflow"); got != "tool" {
		t.Errorf("override: Category(Metaflow) = %q", got)
	}
	n := New(ext)
	if got := n.Skills("We use Zig, zig and MF pipelines"); !reflect.DeepEqual(got, []string{"Metaflow", "Zig"}) {
		t.Errorf("extra skills: %q", got)
	}
	if New(base).Version() == n.Version() {
		t.Errorf("version does not change with the taxonomy")
	}
	a, b := New(base), New(base) // two normalizers of one taxonomy
	if a.Version() != b.Version() || len(n.Version()) != 12 {
		t.Errorf("version not stable or not short: %q", n.Version())
	}
	for _, bad := range [][]SkillDef{
		{{Name: "", Category: "x"}},
		{{Name: "Foo", Category: ""}},
		{{Name: "Foo", Category: "x", Aliases: []string{" "}}},
		{{Name: "Foo", Category: "x", Aliases: []string{"PySpark"}}},
	} {
		if _, err := LoadTaxonomy(bad); err == nil {
			t.Errorf("LoadTaxonomy(%+v): no error", bad)
		} else if !strings.HasPrefix(err.Error(), "normalize: ") {
			t.Errorf("error %q lacks the package prefix", err)
		}
	}
}

func TestCleanURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://explore.jobs.netflix.net/careers/job/790311790854":                          "https://explore.jobs.netflix.net/careers/job/790311790854",
		"https://jobs.example.com/p/1?utm_source=linkedin&utm_medium=social&gh_jid=42#apply": "https://jobs.example.com/p/1?gh_jid=42",
		"https://jobs.example.com/p/1?gclid=abc&fbclid=x":                                    "https://jobs.example.com/p/1",
		"https://jobs.example.com/p/1?b=2&a=1":                                               "https://jobs.example.com/p/1?b=2&a=1",
		"  https://jobs.example.com/p/1  ":                                                   "https://jobs.example.com/p/1",
		"not a url":                                                                          "not a url",
	} {
		if got := CleanURL(in); got != want {
			t.Errorf("CleanURL(%q) = %q, want %q", in, got, want)
		}
	}
}

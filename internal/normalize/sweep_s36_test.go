package normalize

import (
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// s36Case is a posting's text and the skills it should ask for and wish
// for (the other bucket's skills must not be there either).
type s36Case struct {
	text      string
	req, pref []string
}

// s36Skills is a text and the skills Skills should find in it.
type s36Skills struct {
	text string
	want []string
}

func checkSkillNames(t *testing.T, n *Normalizer, cases []s36Skills) {
	t.Helper()
	for _, c := range cases {
		got := n.Skills(c.text)
		if got == nil {
			got = []string{}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Skills(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func checkBuckets(t *testing.T, n *Normalizer, cases []s36Case) {
	t.Helper()
	for _, c := range cases {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: c.text})
		req, pref := p.Skills.Required, p.Skills.Preferred
		if req == nil {
			req = []string{}
		}
		if pref == nil {
			pref = []string{}
		}
		if !slices.Equal(req, c.req) || !slices.Equal(pref, c.pref) {
			t.Errorf("%q:\n required %q, want %q\n preferred %q, want %q", c.text, req, c.req, pref, c.pref)
		}
	}
}

// Session 36, from a sweep of 200 requirement items under three unknown
// headings after a part of tasks: a short line of its own over a list,
// after "What you will do", was read as more of the tasks, so that
// "Strong SQL skills", "Proficient in SQL", "SQL (required)" and 34 more
// shapes of 50 under "The person" or "Key facts" were only mentioned. Such
// a line now heads a part no heading classifies: its items say for
// themselves what they ask (as with no heading at all). Corpus unchanged.
func TestUnknownHeadingAfterTasksS36(t *testing.T) {
	n := normalizer(t)
	tasks := "We are a small company.\n\nWhat you will do\n- Build dashboards\n- Work with the team\n\n"
	var cases []s36Case
	for _, head := range []string{"The person", "Key facts", "🚀 Your background"} {
		for _, item := range []string{"Solid knowledge of SQL", "Proficient in SQL", "3+ years of SQL", "Expert in SQL", "Familiarity with SQL", "A bachelor's degree and SQL"} {
			cases = append(cases, s36Case{tasks + head + "\n- " + item + "\n- Great communication\n- Experience with Python\n\nBenefits\n- Free lunch\n",
				[]string{"Python", "SQL"}, []string{}})
		}
	}
	cases = append(cases,
		// a part of the tasks in parts of its own stays the tasks: its
		// items ask nothing
		s36Case{tasks + "Data platform\n- Build pipelines in Spark and Kafka\n- Own the dbt models\n", []string{}, []string{}},
		// a line in lower case or a sentence is no heading
		s36Case{tasks + "and also the following.\n- Build pipelines in Spark\n", []string{}, []string{}},
		// review s36 F2: parts of the tasks whose items open with other
		// words than what a candidate has
		s36Case{tasks + "Platform work\n- Strong ownership of our Kafka clusters\n- Expert-level tuning of Spark jobs\n", []string{}, []string{}},
		s36Case{tasks + "Your first months\n- Become proficient in Spark\n", []string{}, []string{}},
		s36Case{tasks + "🎯 Goals\n- Strong Kafka throughput\n", []string{}, []string{}},
	)
	checkBuckets(t, n, cases)
	for _, c := range []struct {
		s    string
		want bool
	}{{"The person", true}, {"🚀 Your background", true}, {"and more", false}, {"3 things", false}, {"We offer this.", false}, {"Pay, perks", true}} {
		if got := titleLike(c.s); got != c.want {
			t.Errorf("titleLike(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// Session 36, a sweep of 14 fields of years: "Experience level: 3-5
// years" and "Experience required: 2 years" gave no years (the open item
// of session 35's sweep).
func TestExperienceFieldYearsS36(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"Experience level: 3-5 years", 3},
		{"Experience required: 2 years", 2},
		{"Experience Level: 5+ years", 5},
		{"Erfaring påkrevd: 3 år", 3},
		{"Experience: 2-4 years in data engineering", 2},
	} {
		got := MinYears(c.text)
		if got == nil || *got != c.want {
			t.Errorf("MinYears(%q) = %v, want %d", c.text, got, c.want)
		}
	}
	// a field of another thing than experience
	for _, text := range []string{"Contract required: 2 years", "Commitment level: 2 years"} {
		if got := MinYears(text); got != nil {
			t.Errorf("MinYears(%q) = %d, want none", text, *got)
		}
	}
}

// Session 36, a sweep of 35 inline preference wordings in a list of
// requirements: the marker after a condition named only the condition's
// last item ("If you also know Scala, SQL or JavaScript, even better"
// left Scala asked), a clause "and experience with Go is a plus" after a
// list made the list's items wishes, "not required, but appreciated" was
// read as asked, and "would be handy", "highly/well regarded", "counts
// in your favour", ", if possible" were not read as wishes; "Added
// advantage" and "Advantageous" over a list were not headings of
// nice-to-haves. Corpus unchanged.
func TestInlineWishesEnS36(t *testing.T) {
	n := normalizer(t)
	req := "Requirements\n- Python and Go\n- "
	checkBuckets(t, n, []s36Case{
		{req + "If you also know Scala, SQL or JavaScript, even better.\n", []string{"Go", "Python"}, []string{"JavaScript", "SQL", "Scala"}},
		{req + "If you have experience with Kafka, Spark or Flink, that's a plus.\n", []string{"Go", "Python"}, []string{"Flink", "Kafka", "Spark"}},
		{req + "Wenn du Kafka, Spark oder Flink kennst, ein Plus.\n", []string{"Go", "Python"}, []string{"Flink", "Kafka", "Spark"}},
		{"Requirements\n- Python\n- If hired, you will use Java, SQL and Kafka, and experience with Go is a plus.\n", []string{"Java", "Kafka", "Python", "SQL"}, []string{"Go"}},
		{req + "Scala experience: not required, but appreciated\n", []string{"Go", "Python"}, []string{"Scala"}},
		{req + "Kafka would be handy\n", []string{"Go", "Python"}, []string{"Kafka"}},
		{req + "Kafka experience is highly regarded\n", []string{"Go", "Python"}, []string{"Kafka"}},
		{req + "Kafka experience is well regarded\n", []string{"Go", "Python"}, []string{"Kafka"}},
		{req + "Kafka knowledge counts in your favour\n", []string{"Go", "Python"}, []string{"Kafka"}},
		{req + "Kafka, if possible\n", []string{"Go", "Python"}, []string{"Kafka"}},
		{req + "Kafka (if possible)\n", []string{"Go", "Python"}, []string{"Kafka"}},
		{"Requirements\n- Python and Go\n\nAdded advantage\n- Kafka\n- Terraform\n", []string{"Go", "Python"}, []string{"Kafka", "Terraform"}},
		// not wishes
		{req + "Automate everything with Kafka if possible and Terraform\n", []string{"Go", "Kafka", "Python", "Terraform"}, []string{}},
		{req + "A handy person with Kafka\n", []string{"Go", "Kafka", "Python"}, []string{}},
		{req + "If you know Kafka, you will need Terraform too.\n", []string{"Go", "Kafka", "Python", "Terraform"}, []string{}},
		// review s36: F1, a list of nouns whose verb is the marker's
		{"Requirements\n- Python\n- Knowledge of Java, SQL and Kafka, and experience with Scala are a plus\n", []string{"Python"}, []string{"Java", "Kafka", "SQL", "Scala"}},
		{"Requirements\n- Python\n- You must know Java, and experience with Scala is a plus\n", []string{"Java", "Python"}, []string{"Scala"}},
		// F3, F7, F8
		{req + "A highly regarded AWS certification\n", []string{"AWS", "Go", "Python"}, []string{}},
		{req + "Kafka required but welcome to learn Terraform\n", []string{"Go", "Kafka", "Python", "Terraform"}, []string{}},
		{req + "Kafka is hard but appreciated by our clients\n", []string{"Go", "Kafka", "Python"}, []string{}},
		{req + "Kafka is optional but welcome\n", []string{"Go", "Python"}, []string{"Kafka"}},

		{req + "Kafka will not count in your favour\n", []string{"Go", "Kafka", "Python"}, []string{}},
		// F10: no wish (what a part of benefits after the requirements
		// is read as is another matter)
		{"Requirements\n- Python and Go\n\nWhy it's advantageous to join us\n- Free lunch\n", []string{"Go", "Python"}, []string{}},
	})
}

// Session 36, a sweep of 110 pairs of requirement and nice-to-have
// headings in descriptions whose line breaks were lost, with 13 kinds of
// list marks: with bullets ("•"), every pair lost its parts ("... Work
// with the team. Requirements: • Experience with Python • Strong SQL
// skills. Nice to have: • Kafka • Terraform."): the last item of a list
// and the next heading were read as one heading, so that the list's last
// item took the next part's class. With dashes it was right. And a
// lead-in without a colon that ends on "have" or "bring" before the
// bullets ("It would be great if you have • Kafka") was not cut off its
// sentence (11 of 110). Corpus unchanged.
func TestFlatBulletHeadingsS36(t *testing.T) {
	n := normalizer(t)
	about := "About us We build tools for teams. " + strings.Repeat("We are a team of people who like to build things that matter. ", 6)
	var cases []s36Case
	for _, c := range []struct{ req, pref, a, b string }{
		{"Requirements", "Nice to have", ": • ", " • "},
		{"What you'll need", "Bonus points", ": • ", " • "},
		{"Qualifications", "Preferred Qualifications", ": ▪ ", " ▪ "},
		{"Requirements", "It would be great if you have", " • ", " • "},
		{"Who you are", "It would be great if you have", " - ", " - "},
		{"Requirements", "Ideally you also bring", " • ", " • "},
	} {
		cases = append(cases, s36Case{about + "What you'll do" + c.a + "Build dashboards" + c.b + "Work with the team. " +
			c.req + c.a + "Experience with Python" + c.b + "Strong SQL skills. " + c.pref + c.a + "Kafka" + c.b + "Terraform. Benefits" + c.a + "Free lunch",
			[]string{"Python", "SQL"}, []string{"Kafka", "Terraform"}})
	}
	checkBuckets(t, n, cases)
	for _, c := range []struct {
		s    string
		want bool
	}{{"Work with the team. Requirements:", true}, {"Requirements:", false}, {"e.g.: Python", false},
		// review s36 F5: abbreviations before a small letter
		{"Preferred Qualifications (incl. cloud):", false}, {"Bonus pts. if you have:", false}} {
		if got := sentenceEndIn(c.s); got != c.want {
			t.Errorf("sentenceEndIn(%q) = %v, want %v", c.s, got, c.want)
		}
	}
	// an item that ends on "have" but leads into nothing stays an item
	if openLeadEnd("Strong SQL skills. The tools we have") {
		t.Error(`openLeadEnd("... The tools we have") = true, want false`)
	}
}

// Session 36, round s36's dev miss list: "Proficiency in Google Suite"
// (andculture-text-client-advisor) is Google Workspace, as "G Suite" was;
// "Google Apps" only as the product's name is written.
func TestGoogleSuiteS36(t *testing.T) {
	n := normalizer(t)
	checkSkillNames(t, n, []s36Skills{
		{"Proficiency in Google Suite", []string{"Google Workspace"}},
		{"Google Apps for Work", []string{"Google Workspace"}},
		{"Google apps like Maps", []string{}},
		{"Experience with Google Apps Script", []string{"Google Apps Script"}},
	})
}

// Session 36, a sweep of 60 headings of duties in four shapes, before and
// after the requirements: after them, 15 ("Duties", "Main duties",
// "Essential functions", "Accountabilities", "Challenges", "Mission",
// "Outcomes", "First 90 days", "What success looks like", "Your work",
// ...) did not end the requirements, so that the duties under them
// ("Build pipelines in Spark and Kafka") were read as asked. ("Tools we
// use" stays a heading of requirements: TestS20MoreHeadings.)
func TestDutiesHeadingsS36(t *testing.T) {
	n := normalizer(t)
	var cases []s36Case
	for _, h := range []string{"Duties", "Main duties", "Essential functions", "Accountabilities", "Your challenges", "Mission", "Outcomes", "First 90 days", "In your first year", "What success looks like", "Your work", "Projects you might work on"} {
		for _, shape := range []string{h + "\n", h + ":\n", strings.ToUpper(h) + "\n", "**" + h + "**\n"} {
			cases = append(cases, s36Case{"About us: we build tools.\n\nRequirements\n- Experience with Python\n- Strong SQL skills\n\n" + shape +
				"- Build pipelines in Spark and Kafka\n- Maintain our Airflow DAGs\n\nBenefits\n- Lunch\n", []string{"Python", "SQL"}, []string{}})
		}
	}
	// a heading that names what is asked beside the duties stays asked
	cases = append(cases, s36Case{"Duties and requirements\n- Experience with Python\n- Strong SQL skills\n", []string{"Python", "SQL"}, []string{}})
	checkBuckets(t, n, cases)
}

// Session 36 (onet36's report): "EMR" in a health-care posting's
// "EHR/EMR systems" is an electronic medical record, not Amazon EMR.
func TestMedicalRecordsNotAmazonEMRS36(t *testing.T) {
	n := normalizer(t)
	checkSkillNames(t, n, []s36Skills{
		{"Experience with EHR/EMR systems and Excel", []string{"Excel"}},
		{"EMR software and Excel", []string{"Excel"}},
		{"Spark on EMR and Glue", []string{"Amazon EMR"}},
		{"AWS EMR and Athena", []string{"Amazon Athena", "Amazon EMR"}},
	})
}

// Review s36: names of round s36's entries in other senses (F4 "FDD" of
// telecoms, F9 "Crystal Clear Communication"), and the bound of the
// analysed text cutting a word into a shorter one (F11: "Requirements"
// cut to "R").
func TestReviewS36Names(t *testing.T) {
	n := normalizer(t)
	for _, text := range []string{"LTE FDD and TDD bands, 5G NR", "Crystal Clear Communication and Excel"} {
		for _, s := range n.Skills(text) {
			if s == "Feature-Driven Development" || s == "Crystal Methods" {
				t.Errorf("Skills(%q) holds %s", text, s)
			}
		}
	}
	bs := []block{{text: strings.Repeat("x", 90) + " Requirements here"}}
	got, _ := boundBlocks(bs, []class{clsOpen}, 95)
	if len(got) != 1 || got[0].text != strings.Repeat("x", 90) {
		t.Errorf("boundBlocks cut at %q, want at the space before the bound", got[0].text)
	}
	// a text with no space near the bound (Chinese) is cut at the bound's
	// rune, not at a space far before it
	zh := "熟悉 " + strings.Repeat("熟悉后端开发", 100)
	got, _ = boundBlocks([]block{{text: zh}}, []class{clsOpen}, 1000)
	if n := len(got[0].text); n < 1000-maxWordCut || n > 1000 {
		t.Errorf("boundBlocks cut a text of Chinese at %d bytes, want near 1000", n)
	}
	// review s36b F16: an acronym after an English adjective has no German
	// forms ("secures SDLC" is no Secure SDLC)
	if f := germanForms("secure SDLC"); len(f) != 0 {
		t.Errorf("germanForms(secure SDLC) = %q, want none", f)
	}
	if f := germanForms("künstliche Intelligenz"); !slices.Contains(f, "künstlicher intelligenz") {
		t.Errorf("germanForms(künstliche Intelligenz) = %q, want künstlicher intelligenz among them", f)
	}
}

// Review s36b (the O*NET names and the non-English rules): ordinary
// words, places and the application's channels are no tools (F1-F6); a
// line about where the job or employer gives something is no lead-in of
// the candidate's side (F7); a numbered Chinese item that names its own
// wish is an item (F10).
func TestReviewS36b(t *testing.T) {
	n := normalizer(t)
	checkSkillNames(t, n, []s36Skills{
		{"Inglés: buena comprensión lectora", []string{}},
		{"Interviews will be held on Skype", []string{}},
		{"a video call on Google Meet", []string{}},
		{"Powered by iCIMS", []string{}},
		{"upload your portfolio to Dropbox or send a Vimeo link", []string{}},
		{"A walk in Golden Gate Park", []string{}},
		{"Proof of immunity: MEASLES, MUMPS, RUBELLA", []string{}},
		{"a media composer and build epic systems", []string{}},
		{"HAVE A BLAST WITH US!", []string{}},
		{"Quicken Loans and the Sibelius Academy", []string{}},
		{"sold at MRP, maximo 2 años", []string{}},
		{"Tools: PSpice, XMLSpy, Lectora and Maximo", []string{"Lectora", "Maximo", "PSpice", "XMLSpy"}},
	})
	var cases []s36Case
	for _, h := range []string{"Hos Equinor har du", "I vårt team har du", "Bei Siemens hast du", "In deiner Rolle hast du", "We give you everything you need"} {
		cases = append(cases, s36Case{"Om oss\nVi er et firma.\n\n" + h + "\n- Ansvar for Kafka-plattformen\n- Kubernetes og AWS\n", []string{}, []string{}})
	}
	cases = append(cases, s36Case{"Om oss\nVi er et firma.\n\nFör att lyckas i rollen har du\n- Kubernetes och AWS\n", []string{"AWS", "Kubernetes"}, []string{}})
	checkBuckets(t, n, cases)
	p := n.Normalize("s", "c", model.Raw{Title: "后端开发工程师", DescriptionText: "任职要求\n1、熟悉Java\n2、熟悉Python\n3、英语好者佳\n4、熟悉Kafka\n"})
	if !slices.Equal(p.Skills.Required, []string{"Java", "Kafka", "Python"}) {
		t.Errorf("numbered 者佳 item: required %v, want Java Kafka Python", p.Skills.Required)
	}
}

// Review s36b F8: in a list pasted without bullets, a line whose subject
// names a part of the posting, not a skill, before its wish ("What is a
// plus", "Följande är meriterande", "Other skills (nice to have)") heads
// the wishes after it; "Kubernetes är meriterande" stays an item.
func TestGenericWishHeadingsS36b(t *testing.T) {
	n := normalizer(t)
	var cases []s36Case
	for _, h := range []string{"What is a plus", "Följande är meriterande", "Følgende er en fordel", "Other skills (nice to have)", "Weitere Kenntnisse (wünschenswert)", "Tools (a plus)"} {
		cases = append(cases, s36Case{"Requirements\nPython\nSQL\n" + h + "\nKafka\nTerraform\n", []string{"Python", "SQL"}, []string{"Kafka", "Terraform"}})
	}
	cases = append(cases,
		s36Case{"Requirements\nPython\nSQL\nKubernetes är meriterande\nKafka\n", []string{"Kafka", "Python", "SQL"}, []string{"Kubernetes"}},
		s36Case{"Requirements\nPython\nSQL\nKubernetes (meriterande)\nKafka\n", []string{"Kafka", "Python", "SQL"}, []string{"Kubernetes"}})
	checkBuckets(t, n, cases)
}

// Review s36b F14: the other "cand.*" degrees are a master's.
func TestCandDegreesS36b(t *testing.T) {
	n := normalizer(t)
	for _, d := range []string{"cand.pæd.", "cand.vet.", "cand.cur.", "cand.tech.", "cand.mus.", "cand.ling."} {
		p := n.Normalize("s", "c", model.Raw{Title: "Konsulent", DescriptionText: "Kvalifikationer\n- Du er uddannet " + d + " eller lignende\n- Du har erfaring med Excel\n"})
		if !slices.Equal(p.Education.Required, []string{"Master's"}) {
			t.Errorf("%s: education %v, want Master's", d, p.Education.Required)
		}
	}
}

// Review s36b F9: in a list pasted without bullets, "Kubernetes teller
// positivt" and "Kubernetes fera la différence" are items with their own
// wish; "Det teller positivt om du har", "Ce qui fera la différence" head
// the wishes after them.
func TestWishVerbsOfItsOwnS36b(t *testing.T) {
	n := normalizer(t)
	checkBuckets(t, n, []s36Case{
		{"Kvalifikasjoner\nPython\nSQL\nKubernetes teller positivt\nJava\nGo\n", []string{"Go", "Java", "Python", "SQL"}, []string{"Kubernetes"}},
		{"Profil recherché\nPython\nSQL\nKubernetes fera la différence\nJava\nGo\n", []string{"Go", "Java", "Python", "SQL"}, []string{"Kubernetes"}},
		{"Kvalifikasjoner\nPython\nSQL\nDet teller positivt om du har\nJava\nGo\n", []string{"Python", "SQL"}, []string{"Go", "Java"}},
		{"Profil recherché\nPython\nSQL\nCe qui fera la différence\nJava\nGo\n", []string{"Python", "SQL"}, []string{"Go", "Java"}},
	})
}

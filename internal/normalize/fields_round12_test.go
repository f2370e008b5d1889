package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 12 (issue 9): the protocol's lines on remote places and on Nordic
// university levels (internal/corpus/PROTOCOL.md), on real labels and
// sentences from dev documents of the real-world corpus; the slug names
// the document.

// Remote places are written as PROTOCOL.md's "Remote places and work
// modes" says: remote is a flag on the most precise place the label ties
// it to; an area wider than a country names none; a remote alternative in
// the same label as places of one country takes that country; a separate
// "Remote" label beside offices takes none; a platform's remote work mode
// makes each place remote; a part-time remote share does not.
func TestRemotePlacesFollowTheProtocol(t *testing.T) {
	n := New(nil)
	us := model.Location{Country: "US", Remote: true}
	tests := []struct {
		slug      string
		labels    []string
		workplace string
		want      []model.Location
	}{
		{"github-greenhouse", []string{"Remote - US"}, "", []model.Location{us}},
		{"github-greenhouse", []string{"United States - Remote"}, "", []model.Location{us}},
		{"github-greenhouse", []string{"Remote - Europe"}, "", []model.Location{{Remote: true}}},
		{"github-greenhouse", []string{"Remote - Global"}, "", []model.Location{{Remote: true}}},
		{"github-greenhouse", []string{"Remote - Amsterdam"}, "", []model.Location{{City: "Amsterdam", Region: "North Holland", Country: "NL", Remote: true}}},
		{"cds-senior-data-developer", []string{"Remote, Canada"}, "", []model.Location{{Country: "CA", Remote: true}}},
		{"login-gov-data-analyst", []string{"Anywhere in the U.S. (remote)"}, "", []model.Location{us}},
		{"opencollective-senior-ux-designer", []string{"Remote (worldwide)"}, "", []model.Location{{Remote: true}}},
		{"djangocon21us-six-feet-up-devops-engineer", []string{"Global Remote"}, "", []model.Location{{Remote: true}}},
		{"warp-greenhouse", []string{"Remote within US and Canada"}, "", []model.Location{{Country: "CA", Remote: true}, us}},
		{"linear-ashby", []string{"Europe, European Union"}, "Remote", []model.Location{{Remote: true}}},
		// a remote alternative in the same label takes the label's country
		{"djangocon21us-caktus-contract-full-stack-web-developer", []string{"Remote or Durham, North Carolina, United States"}, "",
			[]model.Location{us, {City: "Durham", Region: "North Carolina", Country: "US"}}},
		{"buildbuddy-software-engineer", []string{"San Francisco Bay Area & Remote"}, "",
			[]model.Location{us, {City: "San Francisco", Region: "California", Country: "US"}}},
		// a separate "Remote" label beside an office's takes none
		{"tor-project-grants-manager", []string{"Remote", "Seattle, WA"}, "",
			[]model.Location{{Remote: true}, {City: "Seattle", Region: "Washington", Country: "US"}}},
		// the platform's remote work mode makes the places remote
		{"persado-workable", []string{"New York, New York, United States"}, "remote", []model.Location{{City: "New York", Region: "New York", Country: "US", Remote: true}}},
		{"outreach-lever", []string{"United States"}, "remote", []model.Location{us}},
		{"rws-lever", []string{"Florida"}, "remote", []model.Location{{Region: "Florida", Country: "US", Remote: true}}},
		// a part-time share is not remote
		{"eviden-austria-text-tester-senior", []string{"Wien"}, "60 % Remote", []model.Location{{City: "Vienna", Region: "Vienna", Country: "AT"}}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", Locations: tt.labels, Workplace: tt.workplace, DescriptionText: "We build software."})
		if !reflect.DeepEqual(p.Locations, tt.want) {
			t.Errorf("%s: %q (workplace %q) -> %+v, want %+v", tt.slug, tt.labels, tt.workplace, p.Locations, tt.want)
		}
	}
}

// A company-wide statement that the company works remotely ("我们是一家分
// 布式的公司") gives way to the job's own words anywhere in the text: an
// intern who must sit in the office three days a week ("能持续坐班实习")
// has no remote place; "远程实习，不需要坐班" (no need to sit in the
// office) is remote.
func TestJobWorkModeBeatsCompanyBlurb(t *testing.T) {
	n := New(nil)
	// api7-text-marketing-intern
	const intern = "### 岗位职责\n\n1. 负责宣传文案，与渠道、社区沟通合作事宜；\n\n### 任职要求\n\n1. 视觉设计、广告策划、计算机专业优先；\n" +
		"3. 能持续坐班实习 2 个月以上，每周保证 3 天在岗，进入企业后考察期为 10 天；\n\n### 附加信息\n\n" +
		"- 我们是一家分布式的公司，员工分布在国内 6 个城市，通过 GitHub、Slack、谷歌文档、腾讯会议完成全部的协作。\n"
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "市场助理-实习生", DescriptionText: intern})
	if len(p.Locations) != 0 || p.Workplace != "onsite" {
		t.Errorf("intern who sits in the office: locations %+v, workplace %q; want none, onsite", p.Locations, p.Workplace)
	}
	// api7-text-sre-engineer: the blurb alone still says remote, in China
	const blurb = "### 任职要求\n\n1. 熟悉 Linux\n\n### 附加信息\n\n- 我们是一家分布式的公司，员工分布在国内 6 个城市，通过 GitHub、Slack、谷歌文档、腾讯会议完成全部的协作。\n"
	p = n.Normalize("s", "c", model.Raw{ID: "1", Title: "SRE 工程师", DescriptionText: blurb})
	if want := []model.Location{{Country: "CN", Remote: true}}; !reflect.DeepEqual(p.Locations, want) || p.Workplace != "remote" {
		t.Errorf("company blurb alone: locations %+v, workplace %q; want %+v, remote", p.Locations, p.Workplace, want)
	}
	// plct-lab-spidermonkey-intern
	if w := workplaceText("入职要求： LV3+ 级别。能够进行英文的交流。 远程实习，不需要坐班。"); w != "remote" {
		t.Errorf("不需要坐班: workplace %q, want remote", w)
	}
	// an English job phrase after a company-wide one wins as well
	if w := workplaceText("We are a fully distributed company. This role is hybrid, with 2 days in the office."); w != "hybrid" {
		t.Errorf("company remote, job hybrid: workplace %q, want hybrid", w)
	}
}

// Nordic university levels (PROTOCOL.md): a degree named by its school or
// level is Bachelor's; mastergrad, sivilingeniør, civilingenjör are
// Master's; alternatives give the smaller; vocational routes and
// "eftergymnasial utbildning" are no degree; a degree word in a job
// board's occupation category ("Typ av jobb ... Civilingenjör / Arkitekt")
// asks for nothing.
func TestNordicUniversityLevels(t *testing.T) {
	n := New(nil)
	tests := []struct {
		slug, title, text string
		want              model.Education
	}{
		{"sparebank1-text-utviklingsleder", "Utviklingsleder", "Hvem er du?\n- Høyere utdanning på universitets- eller høyskolenivå\n- Erfaring med smidig utvikling",
			model.Education{Required: []string{"Bachelor's"}, Preferred: []string{}}},
		{"sparebank1-text-produkteier-api", "Produkteier API", "Hvem er du?\n- Relevant høyere utdanning fra universitet eller høyskole",
			model.Education{Required: []string{"Bachelor's"}, Preferred: []string{}}},
		{"kongsvinger-kommune-pedagogisk-radgiver", "Pedagogisk rådgiver", "Kvalifikasjoner\n- Spesialpedagog eller annen pedagogisk utdanning – helst med mastergrad",
			model.Education{Required: []string{}, Preferred: []string{"Master's"}}},
		{"constructa-trainee-prosjektledelse-bergen", "Trainee prosjektledelse", "Kvalifikasjoner\n- Utdannelse som sivilingeniør innen Bygg / installasjonsteknikk",
			model.Education{Required: []string{"Master's"}, Preferred: []string{}}},
		{"region-skane-mt-ingenjor-kristianstad", "MT-ingenjör", "Kvalifikationer\nVi söker dig som är utbildad högskoleingenjör eller civilingenjör inom medicinsk teknik alternativt elektroteknik eller dig med en annan utbildning/erfarenhet som bedöms likvärdig.",
			model.Education{Required: []string{"Bachelor's"}, Preferred: []string{}}},
		{"finnmark-fisk-administrasjonsmedarbeider", "Administrasjonsmedarbeider", "Kvalifikasjoner\nUtdanningskrav: Relevant bachelor, Fag-/Svennebrev eller lignende",
			model.Education{Required: []string{}, Preferred: []string{}}},
		{"lantmannen-aspen-kommunikator-hindas", "Kommunikatör i Hindås",
			"Det här behöver du för att lyckas och trivas Du har: En relevant eftergymnasial utbildning inom marknadsföring eller kommunikation. Några års erfarenhet av att arbeta med B2B kommunikation i en internationell miljö.\n" +
				"Publicerad den 08-05-2020 Extra information Status Öppen Ort Hindås Typ av kontrakt Deltidsjobb Typ av jobb Lantbruk, Civilingenjör / Arkitekt Körkort önskas Nej Tillgång till bil önskas Nej Personligt brev krävs Nej",
			model.Education{Required: []string{}, Preferred: []string{}}},
		// the same footer's desired ("önskad") level is still read
		{"braive-product-designer", "Product Designer",
			"Publicerad den 14-04-2020 Extra information Status Öppen Önskad utbildningsnivå Universitet/Högskolestudier Ort Sweden Typ av kontrakt Heltidsjobb (förstajobb) Typ av jobb Grafik / Design Körkort önskas Nej",
			model.Education{Required: []string{}, Preferred: []string{"Bachelor's"}}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: tt.title, DescriptionText: tt.text})
		if !reflect.DeepEqual(p.Education, tt.want) {
			t.Errorf("%s: education %+v, want %+v", tt.slug, p.Education, tt.want)
		}
	}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"typ av jobb lantbruk, civilingenjör / arkitekt", true},
		{"typ av jobb it körkort önskas nej. vi söker en civilingenjör", false},
		{"job category: engineering, master", true},
		{"du har en civilingenjörsexamen", false},
	} {
		at := len(tt.text) - 3
		if got := categoryField(tt.text, at); got != tt.want {
			t.Errorf("categoryField(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A recruiter's client named with its town is where the work is when no
// field names a place ("For our client, a leading bank in Zurich, we are
// looking for a skilled Data Scientist"); an area or a market after the
// same words names none.
func TestRecruiterClientTown(t *testing.T) {
	n := New(nil)
	tests := []struct {
		slug, text string
		want       []model.Location
	}{
		{"bosshard-partner-text-data-scientist-internal-fraud", "For our client, a leading bank in Zurich, we are looking for a skilled Data Scientist.",
			[]model.Location{{City: "Zurich", Region: "Zurich", Country: "CH"}}},
		{"constructed", "For our client, a software company in the fintech space, we are looking for a developer.", []model.Location{}},
		{"constructed", "Our client is the largest insurer in Europe.", []model.Location{}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Data Scientist", DescriptionText: tt.text})
		if !reflect.DeepEqual(p.Locations, tt.want) {
			t.Errorf("%s: %q -> %+v, want %+v", tt.slug, tt.text, p.Locations, tt.want)
		}
	}
}

// Degree words that name the students the candidate teaches or
// supervises are no degree asked of the candidate: "giving guidance to
// PhD, master and bachelor students". A student who is the candidate
// still names the degree ("You are a master student").
func TestStudentsTaughtAreNoDegree(t *testing.T) {
	n := New(nil)
	tests := []struct {
		slug, text string
		want       model.Education
	}{
		{"aarhus-university-ultrafast-photoelectron-spectroscopy",
			"Qualifications\nThe candidate must hold a PhD in physics or in a related field. Having already prior experience as a postdoc and in giving guidance to PhD, master and bachelor students will be an advantage.",
			model.Education{Required: []string{"PhD"}, Preferred: []string{}}},
		{"constructed", "Requirements\n- You will supervise master students\n- A PhD in chemistry",
			model.Education{Required: []string{"PhD"}, Preferred: []string{}}},
		{"constructed", "Requirements\n- You are a master student in computer science",
			model.Education{Required: []string{"Master's"}, Preferred: []string{}}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{Title: "Assistant professor", DescriptionText: tt.text})
		if !reflect.DeepEqual(p.Education, tt.want) {
			t.Errorf("%s: education %+v, want %+v", tt.slug, p.Education, tt.want)
		}
	}
}

// 负责人 (the person in charge) of a function is its Head; after a word
// of engineering work (技术负责人, 项目负责人) it stays Lead.
func TestChinesePersonInCharge(t *testing.T) {
	for title, want := range map[string][]string{
		"开发者关系和生态负责人": {"Head"}, // api7-text-head-of-devrel
		"区块链技术负责人":    {"Lead"},
		"项目负责人":       {"Lead"},
		"市场推广负责人":     {"Head"}, // constructed
	} {
		if got := Levels(title); !reflect.DeepEqual(got, want) {
			t.Errorf("Levels(%q) = %q, want %q", title, got, want)
		}
	}
}

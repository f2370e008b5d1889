package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Role families, the vocabulary of the "role" field.
const (
	RoleResearchScientist  = "Research Scientist"
	RoleResearchEngineer   = "Research Engineer"
	RoleMLEngineer         = "Machine Learning Engineer"
	RoleSoftwareEngineer   = "Software Engineer"
	RoleDataEngineer       = "Data Engineer"
	RoleDataScientist      = "Data Scientist"
	RoleAnalyticsEngineer  = "Analytics Engineer"
	RoleDataAnalyst        = "Data Analyst"
	RoleEngineeringManager = "Engineering Manager"
	RoleDataScienceManager = "Data Science Manager"
	RoleProductManager     = "Product Manager"
	RoleProgramManager     = "Program Manager"
	RoleDesigner           = "Designer"
	RoleUXResearcher       = "UX Researcher"
	RoleSRE                = "Site Reliability Engineer"
	RoleSecurityEngineer   = "Security Engineer"
	RoleOther              = "Other"
)

// roleRule maps phrases (whole words, in the title's main part) to a role.
type roleRule struct {
	role    string
	phrases []string
}

// icRules are tried in order on the part of the title that names the job.
var icRules = []roleRule{
	{RoleProductManager, []string{"product manager", "product management", "product lead", "product owner"}},
	{RoleProgramManager, []string{"program manager", "programme manager", "tpm", "project manager", "program management"}},
	{RoleResearchScientist, []string{"research scientist", "applied scientist", "applied research scientist",
		"machine learning scientist", "ml scientist", "ai scientist", "research science", "research scientists"}},
	{RoleDataScientist, []string{"data scientist", "data science"}},
	{RoleUXResearcher, []string{"ux researcher", "user researcher", "user experience researcher", "design researcher", "ux research", "user research"}},
	{RoleResearchEngineer, []string{"research engineer", "research engineering"}},
	{RoleAnalyticsEngineer, []string{"analytics engineer", "analytics engineering", "data visualization engineer",
		"visualization engineer", "bi engineer", "business intelligence engineer"}},
	{RoleDataEngineer, []string{"data engineer", "data engineering", "big data engineer", "etl engineer", "data platform engineer", "data infrastructure engineer",
		"data developer", "database developer", "etl developer", "développeur de données", "développeuse de données",
		"dateningenieur", "data-engineer"}},
	{RoleMLEngineer, []string{"machine learning engineer", "ml engineer", "mle", "machine learning software engineer",
		"ml software engineer", "machine learning infrastructure engineer", "ml infrastructure engineer",
		"ai engineer", "ai/ml engineer", "ml/ai engineer", "deep learning engineer", "machine learning engineering",
		"ml engineering", "machine learning platform engineer", "ml platform engineer", "ai/ml software engineer",
		"ai software engineer", "applied ml engineer", "applied machine learning engineer", "ml ops engineer", "mlops engineer"}},
	{RoleSRE, []string{"site reliability", "sre", "reliability engineer", "infrastructure engineer", "production engineer",
		"infrastructure / production engineer", "infrastructure and production engineer"}},
	{RoleSecurityEngineer, []string{"security engineer", "security engineering", "application security", "security researcher",
		"security operations engineer", "detection engineer", "threat hunter", "threat intelligence", "incident response engineer",
		"product security", "offensive security", "penetration tester", "security analyst"}},
	{RoleDesigner, []string{"designer", "design", "ux", "ui/ux", "ux/ui"}},
	{RoleDataAnalyst, []string{"data analyst", "analytics analyst", "business analyst", "insights analyst",
		"product analyst", "bi analyst", "business intelligence analyst", "reporting analyst", "marketing analyst", "analytics"}},
	{RoleSoftwareEngineer, []string{"software engineer", "software developer", "software engineering", "developer",
		"swe", "programmer", "backend engineer", "frontend engineer", "front end engineer", "back end engineer",
		"full stack", "fullstack", "full-stack", "platform engineer", "infrastructure engineer", "systems engineer",
		"distributed systems engineer", "mobile engineer", "ios engineer", "android engineer", "web engineer",
		"devops engineer", "cloud engineer", "tools engineer", "build engineer", "test engineer", "qa engineer",
		"automation engineer", "ui engineer", "encoding engineer", "streaming engineer", "developer productivity",
		"softwareentwickler", "softwareentwicklerin", "entwickler", "entwicklerin", "développeur", "développeuse",
		"desarrollador", "desarrolladora", "sviluppatore", "ontwikkelaar", "utvikler", "plattformutvikler",
		"systemutvikler", "programador", "programista", "utvecklare", "udvikler", "developers"}},
	{RoleResearchScientist, []string{"scientist", "researcher"}},
}

// engineeringWords make a people manager an engineering manager.
var engineeringWords = []string{"engineering", "engineer", "engineers", "software", "platform", "platforms", "technical",
	"android", "ios", "mobile", "backend", "frontend",
	"infrastructure", "machine learning", "ml", "systems", "data engineering", "ai", "devops", "sre",
	"reliability", "architecture", "technology", "tools", "developer"}

var dataScienceWords = []string{"data science", "data scientists", "analytics", "insights", "data and insights",
	"research", "experimentation", "statistics", "science"}

var nonSoftwareEngineer = []string{"audio", "sound", "hardware", "mechanical", "electrical", "facilities",
	"sales", "support engineer", "solutions engineer", "field", "broadcast", "recording", "mixing", "mastering", "rf",
	"account engineer", "policy engineer", "civil", "chemical", "process engineer", "manufacturing"}

// Role returns the role family of a title: Research Scientist, Research
// Engineer, Machine Learning Engineer, Software Engineer, Data Engineer, Data
// Scientist, Analytics Engineer, Data Analyst, Engineering Manager, Data
// Science Manager, Product Manager, Program Manager, Designer, UX Researcher,
// Site Reliability Engineer, Security Engineer, or Other.
func Role(title string) string {
	if r := cjkRole(title); r != "" {
		return r
	}
	parts := titleParts(title)
	if len(parts) == 0 {
		return RoleOther
	}
	all := " " + strings.Join(parts, " ") + " "
	if hasWord(all, "engineering manager") || hasWord(all, "engineering managers") {
		return RoleEngineeringManager
	}
	main := parts[0]
	for _, p := range parts {
		if hasRoleNoun(p) {
			main = p
			break
		}
	}
	m := " " + main + " "
	if peopleManager(m) {
		switch {
		case hasAny(m, []string{"product manager", "program manager", "project manager", "product management", "tpm"}):
		case hasAny(all, dataScienceWords) && !hasAny(all, []string{"data engineering", "engineering"}):
			return RoleDataScienceManager
		case hasAny(all, engineeringWords):
			return RoleEngineeringManager
		default:
			return RoleOther
		}
	}
	if r := icRole(m, all); r != "" {
		return r
	}
	// The main part says nothing more ("Tech Lead, Data Engineering"): the
	// whole title may.
	if !hasRoleNoun(main) || hasAny(m, []string{"lead", "intern", "internship", "head"}) {
		if r := icRole(all, all); r != "" {
			return r
		}
	}
	// Another part that names a job ("Salesforce Consultant: Enterprise
	// Project Manager").
	for _, p := range parts {
		if p != main && hasRoleNoun(p) && !peopleManager(" "+p+" ") {
			if r := icRole(" "+p+" ", all); r != "" {
				return r
			}
		}
	}
	return RoleOther
}

// icRole classifies an individual-contributor title part m (all is the
// whole title), or returns "".
func icRole(m, all string) string {
	for _, r := range icRules {
		if hasAny(m, r.phrases) {
			if r.role == RoleDesigner && hasWord(m, "engineer") {
				continue // "Design Engineer", "UX Engineer": software
			}
			return r.role
		}
	}
	if hasWord(m, "engineer") || hasWord(m, "engineers") {
		if hasAny(m, nonSoftwareEngineer) {
			return RoleOther
		}
		return RoleSoftwareEngineer
	}
	if hasWord(m, "intern") || hasWord(m, "internship") {
		switch {
		case hasAny(all, []string{"machine learning", "ml", "ai"}):
			return RoleMLEngineer
		case hasAny(all, []string{"software", "engineering"}):
			return RoleSoftwareEngineer
		}
	}
	return ""
}

// titleParts lowers a title and splits it at the separators between its
// parts (",", " - ", "(", ")", "|", ":"), keeping "/" inside a part.
func titleParts(title string) []string {
	t := dropInclusiveEndings(strings.ToLower(title))
	t = titleReplacer.Replace(t)
	var parts []string
	for _, p := range strings.FieldsFunc(t, func(r rune) bool {
		return r == ',' || r == '(' || r == ')' || r == '|' || r == ':' || r == '[' || r == ']' || r == ';'
	}) {
		for _, q := range strings.Split(p, " - ") {
			q = dropPostposedLevels(normalizeWords(q))
			if q != "" {
				parts = append(parts, q)
			}
		}
	}
	return parts
}

// dropInclusiveEndings removes the endings of French inclusive writing
// ("développeur·euse principal·e" -> "développeur principal"): a middle dot
// and up to five letters before a space, a punctuation mark or the end.
func dropInclusiveEndings(t string) string {
	if !strings.ContainsAny(t, "·⋅") {
		return t
	}
	var b strings.Builder
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		if r == '·' || r == '⋅' {
			j, n := i+size, 0
			for j < len(t) && n <= 5 {
				c, sz := utf8.DecodeRuneInString(t[j:])
				if !unicode.IsLetter(c) {
					break
				}
				j += sz
				n++
			}
			if n > 0 && n <= 5 {
				i = j
				continue
			}
		}
		b.WriteString(t[i : i+size])
		i += size
	}
	return b.String()
}

// postposedLevels are level words that French (and Spanish, Italian) titles
// put after the noun: "développeur principal de données", "ingeniero senior
// de datos". They are dropped after the first word, so that the noun and
// its complement meet; Levels still reads them from the title.
var postposedLevels = map[string]bool{
	"principal": true, "principale": true, "senior": true, "sénior": true, "junior": true,
	"confirmé": true, "confirmée": true,
}

func dropPostposedLevels(q string) string {
	f := strings.Fields(q)
	if len(f) < 3 {
		return q
	}
	out := f[:1]
	for _, w := range f[1:] {
		if !postposedLevels[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

var titleReplacer = strings.NewReplacer("–", " - ", "—", " - ", "&", " and ", "’", "'", "·", " ", "⋅", " ", "•", " ")

// normalizeWords keeps letters, digits, "/" and "+" and single spaces.
func normalizeWords(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '/' || r == '+' || r > 127 {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		if r == '-' && b.Len() > 0 && !space {
			b.WriteByte('-')
			continue
		}
		space = true
	}
	return strings.Trim(b.String(), "-")
}

var roleNouns = []string{"engineer", "engineers", "scientist", "analyst", "manager", "director", "designer",
	"researcher", "architect", "developer", "lead", "head", "vp", "vice president", "intern", "programmer",
	"specialist", "partner", "recruiter", "coordinator", "president", "officer", "chief", "owner", "administrator",
	"associate", "consultant", "strategist", "producer", "writer", "counsel", "attorney", "mle", "swe", "sre", "tpm",
	"entwickler", "entwicklerin", "softwareentwickler", "développeur", "développeuse", "desarrollador", "utvikler",
	"plattformutvikler", "ontwikkelaar", "hunter"}

func hasRoleNoun(p string) bool {
	return hasAny(" "+p+" ", roleNouns)
}

// peopleManager says whether the main part of a title names a people
// manager (manager, director, head of, VP) rather than an individual role.
func peopleManager(m string) bool {
	w := strings.Fields(m)
	for i, x := range w {
		switch x {
		case "director", "vp", "svp", "evp", "chief":
			return true
		case "head":
			return i+1 < len(w) && w[i+1] == "of" || i == len(w)-1
		case "vice":
			if i+1 < len(w) && w[i+1] == "president" {
				return true
			}
		case "manager", "managers":
			return isPeopleManager(w, i)
		}
	}
	return false
}

// hasWord says whether phrase occurs in s as whole words (s is lowered and
// space-separated, phrase too).
func hasWord(s, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], phrase)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isWordByte(s[j-1])
		after := j+len(phrase) == len(s) || !isWordByte(s[j+len(phrase)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

func hasAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if hasWord(s, p) {
			return true
		}
	}
	return false
}

// cjkRoles are job nouns of Chinese titles, tried in order on the title.
var cjkRoles = []struct{ phrase, role string }{
	{"产品经理", RoleProductManager}, {"项目经理", RoleProgramManager}, {"数据科学家", RoleDataScientist},
	{"数据分析", RoleDataAnalyst}, {"数据工程师", RoleDataEngineer}, {"算法工程师", RoleMLEngineer},
	{"机器学习工程师", RoleMLEngineer}, {"研究员", RoleResearchScientist}, {"科学家", RoleResearchScientist},
	{"设计师", RoleDesigner}, {"运维", RoleSRE}, {"工程师", RoleSoftwareEngineer}, {"开发", RoleSoftwareEngineer},
	{"程序员", RoleSoftwareEngineer}, {"エンジニア", RoleSoftwareEngineer},
}

// cjkRole returns the role of a title that names its job in Chinese or
// Japanese ("Rust研发工程师", "服务端开发实习"), or "".
func cjkRole(title string) string {
	has := false
	for _, r := range title {
		if isCJK(r) {
			has = true
			break
		}
	}
	if !has {
		return ""
	}
	for _, c := range cjkRoles {
		if strings.Contains(title, c.phrase) {
			return c.role
		}
	}
	return ""
}

package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 31: a heading asked as a question right before the lead-in of
// a list ("Hvem ser vi etter? Vi ser etter en erfaren utvikler som har
// jobbet ... med følgende områder: - React ...") opens its part once the
// line breaks are lost, spaced or glued: the lead-in cut left the
// question at its piece's end, with no sentence after it, and glued, no
// space before the next sentence.
func TestFlatQuestionHeadingBeforeALeadIn(t *testing.T) {
	// variant-text-seniorutvikler-i-oslo, lines joined with a space and
	// with nothing between them (TestFlattenedDev's variants)
	const intro = "Les mer om våre Oslo-vyer i [denne brosjyren](https://variant.no/oslovyer). I tillegg har Odd Morten skrevet " +
		"litt om [hvorfor vi etablerer oss i Tigerstaden](https://blog.variant.no/hei-oslo-717ea91e)."
	const list = "Vi ser etter en erfaren utvikler som har jobbet noen år med ett eller flere av følgende områder:"
	items := []string{"Frontendutvikling med React, Vue, Angular eller andre moderne frontend-teknologier.",
		"Utvikling mot og i Azure, GCP eller AWS.", "Backendutvikling med .NET, Java eller Kotlin."}
	const after = "Vi skal nå etablere et oppstartsteam og ser etter en teknolog med en god porsjon entusiasme og nysgjerrighet."
	want := model.Skills{Required: []string{".NET", "AWS", "Angular", "Azure", "GCP", "Java", "Kotlin", "React", "Vue"}}
	spaced := intro + " Hvem ser vi etter? " + list + " - " + items[0] + " - " + items[1] + " - " + items[2] + " " + after
	glued := intro + "Hvem ser vi etter?" + list + "- " + items[0] + "- " + items[1] + "- " + items[2] + after
	checkSkills(t, []skillCase{
		{name: "spaced", raw: model.Raw{DescriptionText: spaced}, want: want},
		{name: "glued", raw: model.Raw{DescriptionText: glued}, want: want},
		{
			// a question that names no part stays in its sentence
			name: "a question in prose",
			raw:  model.Raw{DescriptionText: intro + " Har du spørsmål? " + list + " - " + items[0] + " - " + items[1] + " " + after},
			want: model.Skills{},
		},
	})
}

// Session 31: glued headings of title case with a pronoun and an
// apostrophe ("What You'll Need") and a lead-in whose colon is glued to
// an item in capitals ("would be a bonus:AWS") are cut as they are on
// lines of their own; a lead-in that says its list is no requirement
// opens no requirements part.
func TestGluedTitleCaseHeadings(t *testing.T) {
	// djangocon21us-octopus-energy-backend-engineer, its lines joined
	// with nothing between them (TestFlattenedDev's glued variant)
	const octopus = "Octopus Energy is a leading energy technology company providing a better experience for our customers " +
		"through transparency, honesty and simplicity. We’re transforming the way people interact with their energy company, by " +
		"making it approachable, easy-to-understand, and most importantly, 100% renewable.What You'll NeedGeneral interest in " +
		"technology and problem-solving; Diligent and thoughtful.Good communication skillsPythonDjangoDjango REST Framework" +
		"Celery and async processingPostgresLegally able to work within the USAPlus experience in the following would be a " +
		"bonus:AWSTerraform, Packer, ConsulReact and ReduxWhat You’ll Love About UsGreat medical, dental, and vision insurance " +
		"options including FSAsUnlimited paid time off"
	// anyfin-react-native-developer (dev, a JSON-LD description as given)
	const anyfin = "We’re building the foundations of something truly big and are moving at a quick pace, so it’s extra " +
		"important you write clean and readable code. That being said, character and startup culture fit almost always trump " +
		"knowledge - we’re moving fast and so are you.To wrap things up just a couple more keywords in no particular order that " +
		"are no requirements, but might peak your interest (they’re certainly on our mind):UI component librariesModular CSS " +
		"(e.g. styled-components)Server-Side RenderingReactData Visualization & d3.js"
	checkSkills(t, []skillCase{
		{
			name: "What You'll Need, glued",
			raw:  model.Raw{DescriptionText: octopus},
			want: model.Skills{Required: []string{"Celery", "Django", "Django REST Framework", "PostgreSQL", "Python"},
				Preferred: []string{"AWS", "Consul", "Packer", "React", "Redux", "Terraform"}},
		},
		{
			name: "a list that is no requirement",
			raw:  model.Raw{DescriptionText: anyfin},
			want: model.Skills{},
		},
	})
}

// Session 31: the next part's heading glued to the end of a list item
// ("...am Flipchart\"Dein Profil:- Mindestens 5 Jahre", "...(ie: US
// citizen, etc.)Preferred Qualifications- Experience ...") opens its
// part; a CamelCase name at an item's end is no heading.
func TestGluedHeadingAtAnItemsEnd(t *testing.T) {
	// superluminar-senior-cloud-consultant and compiler-software-engineer,
	// lines joined with nothing between them (TestFlattenedDev's glued
	// variant)
	const superluminar = "Was wir bieten:- Ein junges und flexibles Unternehmen mit spannenden Kunden- Konferenz- und " +
		"Weiterbildungsbudget- Fortbildungen wie zum Beispiel \"Workshops halten\", \"Feedback geben und nehmen\" und " +
		"\"Visualisieren am Flipchart\"Dein Profil:- Mindestens 5 Jahre Berufserfahrung in der IT- Du hast Erfahrungen mit " +
		"Docker und Serverless Computing- Du bist mit CI, CD und Observability vertraut (bspw.: CodePipeline, Travis, " +
		"Jenkins, Cloudwatch, Prometheus)"
	const compiler = "Required Qualifications:- Experience using modern, high-level programming languages such as Python or " +
		"JavaScript to build web applications- Must be currently legally authorized to work in the United States (ie: US " +
		"citizen, green card holder, etc.)Preferred Qualifications- Experience using Docker and containers to manage " +
		"reproducible environments- Experience deploying applications in cloud environments such as Azure and GCP"
	checkSkills(t, []skillCase{
		{
			name: "Dein Profil: glued after a quote",
			raw:  model.Raw{DescriptionText: superluminar},
			want: model.Skills{Required: []string{"AWS CodePipeline", "Amazon CloudWatch", "Docker", "Jenkins",
				"Observability", "Prometheus", "Serverless", "Travis CI"}},
		},
		{
			name: "Preferred Qualifications glued after a bracket",
			raw:  model.Raw{DescriptionText: compiler},
			want: model.Skills{Required: []string{"JavaScript", "Python"},
				Preferred: []string{"Azure", "Cloud Computing", "Containerization", "Docker", "GCP"}},
		},
		{
			// "GitHub" ends the item: "Hub" is no heading, nor is
			// "Skills" glued inside "SoftSkills"-like names
			name: "a CamelCase name at an item's end",
			raw: model.Raw{DescriptionText: "Requirements:- Several years of experience with Kubernetes and GitHub- You know " +
				"Terraform well and have written modules- Experience with Python and JavaScript"},
			want: model.Skills{Required: []string{"GitHub", "JavaScript", "Kubernetes", "Python", "Terraform"}},
		},
	})
}

// Session 31: a one-word heading glued to both the sentence before it
// and the years of its first item ("...policy implementationQualifications7+
// years hands-on ...") opens its part, as "Who you are2+ years" did.
func TestGluedHeadingBeforeYears(t *testing.T) {
	// cjr-scout-ai-senior-it-infrastructure-and-security-engineer, lines
	// joined with nothing between them (TestFlattenedDev's glued variant)
	const scout = "ResponsibilitiesDesign and roll out identity management with automated provisioningDevelop Python/Bash " +
		"scripts to automate operational tasks and compliance validationCoordinate with compliance team on CMMC requirements, " +
		"audit preparation, and policy implementationQualifications7+ years hands-on network and infrastructure engineering " +
		"in enterprise or defense environmentsLinux and Windows system administration; comfort with multiple operating " +
		"systemsPython or Bash scripting; automation-first mindset"
	checkSkills(t, []skillCase{{
		name: "Qualifications7+ years",
		raw:  model.Raw{DescriptionText: scout},
		want: model.Skills{Required: []string{"Bash", "Linux", "Operating Systems", "Python", "System Administration", "Windows"}},
	}})
}

// Session 31: "about us" in the other languages ("Wie zijn wij?", "Über
// uns") opens the company's part, also asked after a list's last item
// once the line breaks are lost: the tools the company names there are
// its own, not asked of the candidate.
func TestAboutUsHeadingsInOtherLanguages(t *testing.T) {
	// fronteers-zig-lead-front-end-developer, lines joined with a space;
	// the company's sentence names its stack here to show the part
	const zig = "Kennis en ervaring: - Minimaal 3 jaar werkervaring als een lead front-end developer; - Jij hebt bewezen " +
		"kennis en ervaring met TypeScript; - Vloeiend in het Nederlands (Zowel woord als geschrift) – Fluently Dutch Wie zijn " +
		"wij? Wij zijn Zig en wij ontwikkelen software in React en .NET voor de vastgoedbranche (woningcorporaties, " +
		"studentenhuisvesters en commercieel vastgoed)."
	checkSkills(t, []skillCase{
		{name: "Wie zijn wij? after an item", raw: model.Raw{DescriptionText: zig}, want: model.Skills{Required: []string{"TypeScript"}}},
		{
			name: "Über uns on its line",
			raw: model.Raw{DescriptionText: "Dein Profil:\n- Erfahrung mit Kotlin\n\nÜber uns\n\nWir entwickeln seit 2010 " +
				"Software mit Java und Spring für Kunden im Handel."},
			want: model.Skills{Required: []string{"Kotlin"}},
		},
	})
}

// Session 31: a Chinese posting whose line breaks were lost keeps its
// list ("北京/上海/深圳- 待遇：...") and its parts: a heading glued to the
// end of the item before it, with its colon ("...投资机会工作内容：-
// 数字货币"), after a sentence's end ("...的设计和开发。任职要求- 熟悉"),
// as a heading of exactHeadings ("...更新效率任职要求- 有扎实") or
// numbered ("...移植与优化3.职位要求- 计算机"); "优先" that ends an item is
// its preference, no heading.
func TestGluedChineseLists(t *testing.T) {
	// dev documents, their lines joined with nothing between them
	// (TestFlattenedDev's glued variant)
	const circlequant = "招聘岗位一：高频量化研究员（Senior）- 工作地点：北京/上海/深圳- 待遇：总包 100w - 350w，外加高夏普自营盘投资机会" +
		"工作内容：- 数字货币高频做市、趋势、套利策略和信号的开发及优化- 与工程师协作开发和维护高频交易系统我们希望你：- 至少1年Rust技术栈工作经验" +
		"- 熟悉Python及一门静态类型编程语言（Rust, C++, Go，Java, C#）加分项：- 传统金融市场做市策略的实盘经验- 数字货币交易经验"
	const api7 = "岗位职责- 参与基于 Apache APISIX 的 Kubernetes Ingress controller 的相关设计和开发；- 参与 Service Mesh 方向的控制面系统的" +
		"设计和开发。任职要求- 熟悉 Kubernetes 技术及其开源社区；- 有 3 年以上开发经验（1 年以上 GO 开发经验）；- Kubernetes 相关社区开源贡献者" +
		"优先。附加信息- 薪酬超过行业的平均水平；- 我们是一家分布式的公司，通过 GitHub、Slack、谷歌文档、腾讯会议完成全部的协作。"
	const zhihu = "本月招聘知乎：搜索后端研发工程师岗位职责- 负责知乎搜索业务的后端开发工作- 负责对应数据的索引建设及更新，优化索引数据的一致性及更新效率" +
		"任职要求- 熟悉 Linux 开发环境，熟悉 Go 语言，熟悉网络编程、多线程编程- 熟悉搜索引擎，对 Elasticsearch、Kubernetes 有使用经验者优先" +
		"- 熟悉 Rust 语言优先联系方式zl @ zhihu.com"
	checkSkills(t, []skillCase{
		{
			name: "circlequant: headings with colons glued to items",
			raw:  model.Raw{DescriptionText: circlequant},
			want: model.Skills{Required: []string{"C#", "C++", "Go", "Java", "Python", "Rust"}, Preferred: []string{"Market Making"}},
		},
		{
			name: "api7: headings after a full stop",
			raw:  model.Raw{DescriptionText: api7},
			want: model.Skills{Required: []string{"Go", "Kubernetes"}, Preferred: []string{"Open Source"}},
		},
		{
			// a short item in CJK alone ("本科学历") is no heading: the
			// items after it stay in the requirements
			name: "short items stay items",
			raw:  model.Raw{DescriptionText: "岗位职责- 负责后端开发；- 参与系统设计。任职要求- 本科学历- 计算机相关专业- Go和Linux- MySQL"},
			want: model.Skills{Required: []string{"Go", "Linux", "MySQL"}},
		},
		{
			name: "zhihu: a heading glued to an item, preferences at items' ends",
			raw:  model.Raw{DescriptionText: zhihu},
			want: model.Skills{Required: []string{"Computer Networking", "Go", "Linux", "Multithreading", "Search"},
				Preferred: []string{"Elasticsearch", "Kubernetes", "Rust"}},
		},
	})
}

// Session 31: spaced, a Chinese heading at the end of the last item
// before its list (after the item's mark and a zero-width space: "-
// 熟悉 AWS 者优先；\u200b 附加信息 - 薪酬...") opens its part whatever it
// names: the benefits' tools are not asked of the candidate.
func TestSpacedChineseHeadingAfterAnItem(t *testing.T) {
	// api7-text-sre-engineer, lines joined with a space
	const api7 = "岗位职责 - 负责 APISEVEN Cloud 生产服务可靠，稳定，高效运行，满足业务快速稳定增长; - 参与 APISEVEN Cloud 架构优化工作，" +
		"降低风险和成本； 任职要求 - 具有 Python/Go 或其他语言开发经验， 能够独立完成小型系统或相关模块; - 有云原生相关技术经验者优先；\u200b - 熟悉 " +
		"AWS 者优先；\u200b 附加信息 - 薪酬超过行业的平均水平； - 我们是一家分布式的公司，员工分布在国内 6 个城市，通过 GitHub、Slack、谷歌文档、" +
		"腾讯会议完成全部的协作。"
	checkSkills(t, []skillCase{{
		name: "附加信息 after the last requirement",
		raw:  model.Raw{DescriptionText: api7},
		want: model.Skills{Required: []string{"Go", "Python"}, Preferred: []string{"AWS", "Cloud Computing"}},
	}})
}

// Session 31: spaced, a heading of exactHeadings at the end of the last
// item before its list is found whole, also when one of its words is no
// heading's word alone ("- Erfaring med C# og .NET Det er også fint om du
// - Har god erfaring med sky": "også").
func TestSpacedTrailingHeadingFoundWhole(t *testing.T) {
	// variant-text-plattformutvikler-i-trondheim, lines joined with a space
	const variant = "Du har - Minst 5 års erfaring som utvikler - God erfaring med Kubernetes, og Kustomize eller Helm - " +
		"Erfaring med C# og .NET Det er også fint om du - Har god erfaring med sky. Bonus med Azure erfaring og tjenestene der. " +
		"- Har jobbet med monitorering, tracing og metrics. Eksempelvis OpenTelemetry, Grafana og Prometheus - Kan noe " +
		"Infrastructure as Code / Terraform Hos oss får du: - Gode og rettferdige betingelser"
	checkSkills(t, []skillCase{{
		name: "Det er også fint om du",
		raw:  model.Raw{DescriptionText: variant},
		want: model.Skills{Required: []string{".NET", "C#", "Helm", "Kubernetes", "Kustomize"},
			Preferred: []string{"Azure", "Grafana", "Infrastructure as Code", "OpenTelemetry", "Prometheus", "Terraform"}},
	}})
}

// Session 31: glued, a heading whose first word is glued to the sentence
// before it ("...challenge e2e.Bonus Points if You Have:Kubernetes
// expertise") is cut whole, not after that word; a heading glued to the
// years of its first item by its colon ("What we're looking for:5+ years
// experience") is cut before the years.
func TestGluedHeadingsAfterASentenceAndBeforeYears(t *testing.T) {
	// cjr-orca-security-senior-software-engineer and
	// cjr-chainguard-senior-customer-success-manager-germany, their lines
	// joined with nothing between them (TestFlattenedDev's glued variant)
	const orca = "What You Bring:Languages: Solid, hands-on experience with Python or Go.Mindset & ownership: Self-driven and " +
		"proactive, comfortable taking a complex technical challenge e2e.Bonus Points if You Have:Kubernetes expertise: Practical " +
		"experience with Kubernetes internals, API primitives, custom controllers/operators, and managed services (EKS, GKE, AKS)." +
		"Security domain background: Prior domain knowledge in cloud security, KSPM, CSPM, or vulnerability management."
	const chainguard = "What you’ll do:- Issue Management: Collaborate with Technical Support and Customer Engineering teams to " +
		"ensure timely resolution to customer issues.- What we're looking for:5+ years experience in enterprise, customer facing " +
		"roles collaborating with both technical and business teams- Relevant domain knowledge of one or more of the following: " +
		"Supply Chain Security, DevSecOps, AppSec, security infrastructure, containers, regulatory compliance- Strongly Preferred:- " +
		"Previous early-stage startup experience"
	// the whole part, long enough to be read for its lost line breaks
	// (flatLong)
	const orcaLong = "What You Bring:Education & experience: Bachelor’s degree in Computer Science, Software Engineering, or equival" +
		"ent experience, with 5+ years of professional software development experience.Backend & distributed systems: S" +
		"trong background building microservices, cloud-native services, and distributed systems that handle large-scal" +
		"e workloads.Languages: Solid, hands-on experience with Python or Go.Engineering fundamentals: Deep understandi" +
		"ng of software design principles, concurrency models, data structures, and algorithms.Cloud & containers: Soli" +
		"d familiarity with public cloud providers (AWS, GCP, Azure) and containerized workflows (Docker, container run" +
		"times).Mindset & ownership: Self-driven and proactive, comfortable taking a complex technical challenge e2e.Co" +
		"llaboration & communication: Excellent communicator with a team-first mindset that thrives in a collaborative," +
		" cross-functional environment.Bonus Points if You Have:Kubernetes expertise: Practical experience with Kuberne" +
		"tes internals, API primitives, custom controllers/operators, and managed services (EKS, GKE, AKS).Cloud engine" +
		"ering: Experience with major cloud providers (AWS, GCP, Azure).Security domain background: Prior domain knowle" +
		"dge in cloud security, KSPM, CSPM, or vulnerability management."
	checkSkills(t, []skillCase{
		{
			name: "Bonus Points if You Have, the long part",
			raw:  model.Raw{DescriptionText: orcaLong},
			want: model.Skills{Required: []string{"AWS", "Azure", "Cloud Computing", "Concurrency", "Containerization",
				"Data Structures & Algorithms", "Distributed Systems", "Docker", "GCP", "Go", "Microservices", "Python"},
				Preferred: []string{"Amazon EKS", "Azure Kubernetes Service", "CSPM", "GKE", "KSPM", "Kubernetes",
					"Security Engineering", "Vulnerability Management"}},
		},
		{
			name: "Bonus Points if You Have",
			raw:  model.Raw{DescriptionText: orca},
			want: model.Skills{Required: []string{"Go", "Python"},
				Preferred: []string{"Amazon EKS", "Azure Kubernetes Service", "CSPM", "GKE", "KSPM", "Kubernetes", "Security Engineering",
					"Vulnerability Management"}},
		},
		{
			name: "What we're looking for:5+ years",
			raw:  model.Raw{DescriptionText: chainguard},
			want: model.Skills{Required: []string{"Containerization", "DevOps", "Security Engineering", "Supply Chain Security"}},
		},
	})
}

// Session 31: headings that ask in the candidate's own words ("What will
// I be doing?", "What skills do I need?") name their parts, on their
// lines and between the sentences of a flattened description.
func TestFirstPersonQuestionHeadings(t *testing.T) {
	// cjr-intercom-application-security-engineer, lines joined with a space
	const intercom = "Fin is transforming customer service through AI, helping businesses deliver fast, accurate, and reliable suppo" +
		"rt at scale. Trust is foundational to that mission. Fin's Security Engineering team is unlike most security te" +
		"ams. We own and operate critical security services, build customer-facing security features, and partner with " +
		"engineering teams to make secure development the default. We're engineers first; designing, building, and oper" +
		"ating systems that protect Fin and its customers. The team owns and operates tier-zero services including auth" +
		"entication, SAML/SSO, teammate activity logs, malicious URL scanning, and other critical trust and security ca" +
		"pabilities. The mission of the team is to help Fin build and operate trusted AI-powered customer service exper" +
		"iences by making security a natural part of how products are designed, developed, and delivered. As Fin contin" +
		"ues to expand its capabilities and adoption, you'll help shape how security evolves alongside some of the most" +
		" ambitious AI-powered products in customer service. We're taking an AI-first approach to security, exploring a" +
		"reas such as AI-powered detection, red-team automation, continuous monitoring, and emerging defensive capabili" +
		"ties to help meet an evolving threat landscape." + " " +
		"What will I be doing? Own and engineer tier-zero security capabilities that help customers securely deploy and manage " +
		"Fin. Partner with teams building AI-powered products on Kubernetes to assess and mitigate emerging security risks. What " +
		"skills do I need? Proven application security experience within a SaaS environment. Go, Python and Terraform. A pragmatic " +
		"approach to balancing security, customer impact, and engineering velocity."
	checkSkills(t, []skillCase{
		{name: "flattened", raw: model.Raw{DescriptionText: intercom}, want: model.Skills{Required: []string{"Go", "Python", "Security Engineering", "Terraform"}}},
		{
			name: "on their lines",
			raw: model.Raw{DescriptionText: "What will I be doing?\n\nOwn the Kubernetes platform.\n\nWhat skills do I need?\n\n" +
				"Go, Python and Terraform."},
			want: model.Skills{Required: []string{"Go", "Python", "Terraform"}},
		},
	})
}

// Session 31: a word that asks ("requirements", "required", "mandatory")
// asks nothing when the sentence denies it ("keywords ... that are no
// requirements"); "is not required" and "not a requirement" stay what
// they were (a plus: "beneficial but not required").
func TestDeniedRequirementWordsAskNothing(t *testing.T) {
	// anyfin-react-native-developer (a JSON-LD description), its blocks
	// joined with a space (TestFormatShiftDev's spaced shape)
	const anyfin = "Application development is evolving rapidly, so prior work experience is highly valued. To wrap things up " +
		"just a couple more keywords in no particular order that are no requirements, but might peak your interest (they’re " +
		"certainly on our mind): UI component libraries Modular CSS (e.g. styled-components)Server-Side Rendering React Data " +
		"Visualization & d3.js"
	checkSkills(t, []skillCase{
		{name: "no requirements", raw: model.Raw{DescriptionHTML: anyfin}, want: model.Skills{}},
		{name: "not required", raw: model.Raw{DescriptionText: "Knowledge of Kafka is not required."}, want: model.Skills{Preferred: []string{"Kafka"}}},
		{name: "not a requirement", raw: model.Raw{DescriptionText: "Experience with Rust is not a requirement."}, want: model.Skills{Preferred: []string{"Rust"}}},
		{name: "required", raw: model.Raw{DescriptionText: "Knowledge of Kafka is required."}, want: model.Skills{Required: []string{"Kafka"}}},
	})
}

// Session 31: glued, an item that ends with the word that marks it
// ("required", "preferred") is cut from the next item glued to it ("...a
// comparable language requiredOSCP, ... certifications preferred"), and a
// title-case heading that opens with a question word keeps its pronoun
// ("What Makes You Stand Out").
func TestGluedItemsEndingInTheirMark(t *testing.T) {
	// cjr-gallup-security-engineer-platform-security, lines joined with
	// nothing between them (TestFlattenedDev's glued variant)
	const gallup = "What Makes You Stand OutPlatform security expertise: You bring deep experience securing enterprise cloud " +
		"environments.What You NeedHands-on experience administering and tuning Splunk SIEM and EDR platforms requiredStrong " +
		"scripting experience using Python, PowerShell, Bash or a comparable language requiredOSCP, Microsoft Azure Security " +
		"Engineer, AWS Certified Security – Specialty or similar security certifications preferredExperience using AI tools to " +
		"improve security operations preferred"
	checkSkills(t, []skillCase{{
		name: "required glued to the next item",
		raw:  model.Raw{DescriptionText: gallup},
		want: model.Skills{Required: []string{"Bash", "Cloud Computing", "EDR", "PowerShell", "Python", "SIEM", "Splunk"},
			Preferred: []string{"AWS", "Azure"}},
	}})
}

// The words of the heading phrases (headingContentWords: the words of
// the phrase lists but their grammar) are never common function words: a
// phrase such as "What's in it for me" made "in", "it", "for" and "me"
// heading words, so that nearly every run of words was looked up as a
// heading (mayNamePart), which halved BenchmarkNormalize (session 31).
func TestHeadingWordsAreNoFunctionWords(t *testing.T) {
	for _, w := range []string{"a", "an", "and", "as", "at", "by", "do", "for", "i", "if", "in", "is", "it", "me", "of", "on",
		"or", "the", "to", "we", "with", "you"} {
		if headingContentWords[w] {
			t.Errorf("%q is a word of the heading phrases (add the phrase's grammar to vocabGrammar, or drop the phrase)", w)
		}
	}
}

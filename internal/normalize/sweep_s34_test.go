package normalize

import (
	"fmt"
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 34, from a throw-away sweep of 287 names of the practices that
// the labels use most, in ten languages (each in a requirements list of
// its language; 192 read right): 66 of the misses are aliases now
// (translations, the taxonomy's rule for aliases; the corpus's figures
// did not move: dev the same, test one more false positive). Left out as
// too ambiguous in postings: "Datenschutz", "personvern", "protection
// des données" (a privacy notice for applicants), "tillgänglighet",
// "accessibilité" alone (availability, a workplace's access), "nettverk"
// (people), "contenedores" (freight), "信息安全" (dev labels leave it),
// "Identitäts- und Zugriffsmanagement" (a split compound).
func TestPracticeTranslationsS34(t *testing.T) {
	n := normalizer(t)
	frame := map[string]string{
		"sv": "Vi söker dig som har:\n- Erfarenhet av %s\n",
		"nb": "Vi ser etter deg som har:\n- Erfaring med %s\n",
		"da": "Vi forventer, at du har:\n- Erfaring med %s\n",
		"de": "Dein Profil:\n- Erfahrung mit %s\n",
		"fr": "Profil recherché :\n- Expérience en %s\n",
		"es": "Requisitos:\n- Experiencia en %s\n",
		"it": "Requisiti:\n- Esperienza con %s\n",
		"nl": "Wat wij vragen:\n- Ervaring met %s\n",
		"pt": "Requisitos:\n- Experiência com %s\n",
		"zh": "任职要求：\n1. 熟悉%s\n",
	}
	for _, c := range []struct{ want, lang, text string }{
		{"Software Testing", "sv", "programvarutestning"},
		{"Software Testing", "de", "Softwaretesten"},
		{"Software Testing", "fr", "tests logiciels"},
		{"Software Testing", "it", "test del software"},
		{"Software Testing", "nl", "softwaretesten"},
		{"Software Testing", "sv", "testdriven utveckling"},
		{"Software Testing", "de", "testgetriebene Entwicklung"},
		{"Software Testing", "es", "automatización de pruebas"},
		{"Computer Networking", "it", "reti informatiche"},
		{"Computer Networking", "nl", "netwerktechniek"},
		{"Infrastructure as Code", "de", "Infrastruktur als Code"},
		{"Infrastructure as Code", "es", "infraestructura como código"},
		{"System Design", "fr", "conception de systèmes"},
		{"Incident Response", "fr", "réponse aux incidents"},
		{"Incident Response", "es", "respuesta a incidentes"},
		{"Incident Response", "zh", "应急响应"},
		{"Vulnerability Management", "de", "Schwachstellenmanagement"},
		{"Vulnerability Management", "fr", "gestion des vulnérabilités"},
		{"Vulnerability Management", "es", "gestión de vulnerabilidades"},
		{"Vulnerability Management", "zh", "漏洞管理"},
		{"UX Design", "zh", "用户体验设计"},
		{"UI Design", "zh", "UI设计"},
		{"Machine Learning", "de", "maschinellen Lernens"},
		{"Machine Learning", "pt", "aprendizagem automática"},
		{"NLP", "de", "Verarbeitung natürlicher Sprache"},
		{"Computer Vision", "es", "visión por computadora"},
		{"Cryptography", "nb", "kryptografi"},
		{"Cryptography", "de", "Kryptografie"},
		{"Cryptography", "nl", "cryptografie"},
		{"Identity and Access Management", "fr", "gestion des identités et des accès"},
		{"Identity and Access Management", "es", "gestión de identidades y accesos"},
		{"Threat Modeling", "fr", "modélisation des menaces"},
		{"Data Structures & Algorithms", "es", "estructuras de datos y algoritmos"},
		{"Version Control", "it", "controllo di versione"},
		{"System Administration", "sv", "systemadministration"},
		{"System Administration", "nb", "systemadministrasjon"},
		{"System Administration", "de", "Systemadministration"},
		{"System Administration", "fr", "administration système"},
		{"System Administration", "fr", "administration systèmes"},
		{"System Administration", "es", "administración de sistemas"},
		{"Accessibility", "de", "barrierefreie Webentwicklung"},
		{"Accessibility", "fr", "accessibilité numérique"},
		{"Accessibility", "fr", "accessibilité web"},
		{"Digital Forensics", "de", "IT-Forensik"},
		{"Digital Forensics", "fr", "criminalistique numérique"},
		{"Responsive Design", "fr", "design responsive"},
		{"Firewalls", "zh", "防火墙"},
		{"Virtualization", "zh", "虚拟化"},
		{"Object-Oriented Programming", "it", "programmazione orientata agli oggetti"},
		{"Object-Oriented Programming", "nl", "objectgeoriënteerd programmeren"},
		{"Statistics", "nl", "statistiek"},
		{"Statistics", "pt", "estatística"},
		{"Data Analysis", "nl", "data-analyse"},
		{"Performance Optimization", "de", "Performance-Optimierung"},
		{"Performance Optimization", "fr", "optimisation des performances"},
		{"Agile", "da", "agil udvikling"},
		{"Agile", "nl", "agile werken"},
		{"Agile", "pt", "metodologias ágeis"},
		{"NoSQL", "zh", "非关系型数据库"},
		{"Open Source", "sv", "öppen källkod"},
		{"Open Source", "nb", "åpen kildekode"},
		{"Open Source", "es", "código abierto"},
		{"Open Source", "pt", "código aberto"},
		{"Open Source", "fr", "logiciel libre"},
		{"Compilers", "de", "Compilerbau"},
		{"Functional Programming", "zh", "函数式编程"},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: fmt.Sprintf(frame[c.lang], c.text)})
		if !slices.Contains(p.Skills.Required, c.want) {
			t.Errorf("%s %q: required %v, want %s", c.lang, c.text, p.Skills.Required, c.want)
		}
	}
}

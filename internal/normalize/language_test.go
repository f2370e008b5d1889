package normalize

import (
	"strings"
	"testing"
	"unicode"
)

func TestLanguage(t *testing.T) {
	for _, c := range []struct{ want, text string }{
		{"en", "You will build data pipelines with Python and SQL. We are looking for an engineer who has 5+ years of experience in the field."},
		{"de", "Wir suchen eine erfahrene Data Engineerin (m/w/d) für unser Team in Berlin. Du hast Erfahrung mit Python, Spark und Kubernetes und bist bereit, Verantwortung zu übernehmen."},
		{"fr", "Nous recherchons un ingénieur de données pour rejoindre notre équipe à Paris. Vous avez une expérience avec Python et les outils du cloud."},
		{"es", "Buscamos una persona con experiencia en Python y SQL para unirse a nuestro equipo de datos en Madrid. Trabajarás con los equipos de producto."},
		{"it", "Siamo alla ricerca di un ingegnere dei dati che abbia esperienza con Python e della capacità di lavorare in un team per la nostra azienda."},
		{"nl", "Wij zoeken een data engineer voor ons team in Amsterdam. Je hebt ervaring met Python en SQL en je bent op zoek naar een nieuwe uitdaging bij een groeiend bedrijf."},
		{"pt", "Estamos à procura de uma pessoa com experiência em Python e SQL para o nosso time de dados. Você vai trabalhar com as equipes de produto da empresa."},
		{"sv", "Vi söker en dataingenjör som vill arbeta med Python och SQL. Du har erfarenhet av molnet och det är meriterande om du har arbetat i ett team."},
		{"pl", "Szukamy inżyniera danych, który dołączy do naszego zespołu. Jesteś osobą, która ma doświadczenie w pracy z Python i SQL oraz lubi się uczyć."},
		{"ja", "データエンジニアを募集しています。PythonとSQLの経験が必要です。"},
		{"zh", "我们正在招聘数据工程师，需要熟悉Python和SQL。"},
		{"", ""},
		{"", "Senior Data Engineer"},
		// English with a German company blurb is English
		{"en", "About us: Wir sind ein Team. You will design and build the data platform of the company, and you have experience with Spark and the cloud. We offer a team that is kind, and you will work with the best."},
	} {
		if got := Language(c.text); got != c.want {
			t.Errorf("Language(%.40q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// BenchmarkLanguage is the share of Normalize that language detection
// takes: the same 5 KB posting as BenchmarkNormalize.
func BenchmarkLanguage(b *testing.B) {
	_, text := benchPosting(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if Language(text) != "en" {
			b.Fatal("not en")
		}
	}
}

// A clear lead ends the scan early, and the early end decides as the whole
// scan does: a long German posting full of English tool names is German,
// and one whose long English part comes first, with German only after the
// first hundred words, is English as before.
func TestLanguageSettlesEarly(t *testing.T) {
	de := strings.Repeat("Du hast Erfahrung mit Python, Spark und Kubernetes und bist bereit, Verantwortung für die Plattform zu übernehmen. ", 30)
	en := strings.Repeat("You will design and build the data platform of the company, and you have experience with Spark and the cloud. ", 30)
	for _, c := range []struct{ want, text string }{
		{"de", de},
		{"en", en},
		{"en", en + de},
		{"de", de + en},
	} {
		if got := Language(c.text); got != c.want {
			t.Errorf("Language(%.40q...) = %q, want %q", c.text, got, c.want)
		}
		// the same answer as a scan of the whole prefix without the early end
		if got, full := Language(c.text), languageFull(prefix(c.text, languageScan)); got != full {
			t.Errorf("Language(%.40q...) = %q, the whole scan says %q", c.text, got, full)
		}
	}
}

// languageFull counts the function words of all of text, as Language did
// before the early end.
func languageFull(text string) string {
	score := make([]int, len(languages))
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if bits, ok := stopWords[w]; ok {
			for i := range languages {
				if bits&(1<<i) != 0 {
					score[i]++
				}
			}
		}
	}
	best := 0
	for i := 1; i < len(score); i++ {
		if score[i] > score[best] {
			best = i
		}
	}
	if score[best] < 3 {
		return ""
	}
	return languages[best]
}

package corpus

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

var eduShapes = flag.Bool("edushapes", false, "print how degrees named the ways PROTOCOL.md lists are read")

// TestEducationShapesDev measures how degrees are read when named the
// ways countries name them, as PROTOCOL.md maps them (its Education
// section: "BSc", "B.S.", "kandidatexamen", "mastergrad", "hbo", "wo",
// "civilingenjör", "cand.*", ...), each in a requirement sentence ("You
// have a ... in computer science") and marked as a plus ("... is a
// plus"); right when exactly that degree is read, required or preferred.
// It reads no corpus document: the names are the protocol's.
//
//	go test ./internal/corpus -run TestEducationShapesDev -v -args -edushapes
func TestEducationShapesDev(t *testing.T) {
	if !*eduShapes {
		t.Skip("-edushapes not given")
	}
	const b, m, d = "Bachelor's", "Master's", "PhD"
	cases := []struct{ lang, req, pref, want string }{
		{"en", "You have a Bachelor's degree in Computer Science.", "A Bachelor's degree in Computer Science is a plus.", b},
		{"en", "You have a BSc in Computer Science.", "A BSc in Computer Science is a plus.", b},
		{"en", "You have a B.S. in Computer Science.", "A B.S. in Computer Science is a plus.", b},
		{"en", "You hold a BA in Economics.", "A BA in Economics is a plus.", b},
		{"en", "You have a university degree in Computer Science.", "A university degree in Computer Science is a plus.", b},
		{"en", "You have a Master's degree in Computer Science.", "A Master's degree in Computer Science is a plus.", m},
		{"en", "You have an MSc in Computer Science.", "An MSc in Computer Science is a plus.", m},
		{"en", "You have an M.S. in Computer Science.", "An M.S. in Computer Science is a plus.", m},
		{"en", "You have a PhD in Machine Learning.", "A PhD in Machine Learning is a plus.", d},
		{"en", "You have a Ph.D. in Machine Learning.", "A Ph.D. in Machine Learning is a plus.", d},
		{"en", "You have a doctorate in Physics.", "A doctorate in Physics is a plus.", d},
		{"de", "Du hast einen Bachelorabschluss in Informatik.", "Ein Bachelorabschluss in Informatik ist von Vorteil.", b},
		{"de", "Du hast ein abgeschlossenes Masterstudium in Informatik.", "Ein Masterabschluss in Informatik ist von Vorteil.", m},
		{"de", "Du hast eine Promotion in Informatik.", "Eine Promotion in Informatik ist von Vorteil.", d},
		{"sv", "Du har en kandidatexamen inom data.", "Det är meriterande om du har en kandidatexamen inom data.", b},
		{"sv", "Du har en högskoleexamen inom data.", "Det är meriterande om du har en högskoleexamen inom data.", b},
		{"sv", "Du är civilingenjör inom datateknik.", "Det är meriterande om du är civilingenjör inom datateknik.", m},
		{"sv", "Du har en masterexamen inom data.", "Det är meriterande om du har en masterexamen inom data.", m},
		{"sv", "Du har en doktorsexamen inom data.", "Det är meriterande om du har en doktorsexamen inom data.", d},
		{"nb", "Du har bachelorgrad innen informatikk.", "Det er ønskelig med bachelorgrad innen informatikk.", b},
		{"nb", "Du har høyere utdanning innen informatikk.", "Det er ønskelig med høyere utdanning innen informatikk.", b},
		{"nb", "Du har mastergrad innen informatikk.", "Det er ønskelig med mastergrad innen informatikk.", m},
		{"nb", "Du er sivilingeniør innen informatikk.", "Det er ønskelig at du er sivilingeniør.", m},
		{"nb", "Du har doktorgrad innen informatikk.", "Det er ønskelig med doktorgrad innen informatikk.", d},
		{"da", "Du har en kandidatuddannelse i datalogi.", "Det er en fordel, hvis du har en kandidatuddannelse i datalogi.", m},
		{"da", "Du har en professionsbachelor i datalogi.", "Det er en fordel, hvis du har en professionsbachelor.", b},
		{"nl", "Je hebt een hbo-opleiding in de informatica.", "Een hbo-opleiding is een pré.", b},
		{"nl", "Je hebt een wo-opleiding in de informatica.", "Een wo-opleiding is een pré.", m},
		{"fr", "Vous avez un master en informatique.", "Un master en informatique est un plus.", m},
		{"fr", "Vous avez une licence en informatique.", "Une licence en informatique est un plus.", b},
		{"fr", "Vous avez un doctorat en informatique.", "Un doctorat en informatique est un plus.", d},
		{"es", "Tienes una licenciatura en informática.", "Una licenciatura en informática es deseable.", b},
		{"es", "Tienes un máster en informática.", "Un máster en informática es deseable.", m},
	}
	n := normalize.New(nil)
	read := func(lang, s string) model.Education {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "We are a growing team.\n" + s + "\nWe offer a good salary."})
		return p.Education
	}
	var sb strings.Builder
	right, total := 0, 0
	for _, c := range cases {
		for _, form := range []string{"required", "preferred"} {
			s := c.req
			if form == "preferred" {
				s = c.pref
			}
			e := read(c.lang, s)
			ok := form == "required" && len(e.Required) == 1 && e.Required[0] == c.want && len(e.Preferred) == 0 ||
				form == "preferred" && len(e.Preferred) == 1 && e.Preferred[0] == c.want && len(e.Required) == 0
			total++
			if ok {
				right++
			} else {
				fmt.Fprintf(&sb, "%s %-9s %q -> required %v preferred %v (want %s)\n", c.lang, form, s, e.Required, e.Preferred, c.want)
			}
		}
	}
	t.Logf("degrees as PROTOCOL.md names them: %d/%d read\n%s", right, total, sb.String())
}

package corpus

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

var yearsShapes = flag.Bool("yearsshapes", false, "print how minimum years of experience are read when written in common shapes and languages")

// TestYearsShapesDev measures how a minimum of years of experience is
// read, for the numbers the dev part's labels hold, written in the shapes
// and languages postings use ("5+ years of experience", "a minimum of
// five years", "3-5 yrs", "over a decade", "mindestens 5 Jahre
// Berufserfahrung", "minst 5 års erfarenhet", ...), each in a sentence of
// its own, read with normalize.MinYears; right when the labelled number
// is read. It needs no test-part document. Dev only.
//
//	go test ./internal/corpus -run TestYearsShapesDev -v -args -yearsshapes
func TestYearsShapesDev(t *testing.T) {
	if !*yearsShapes {
		t.Skip("-yearsshapes not given")
	}
	labels, _ := Load("testdata")
	seen := map[int]bool{}
	for _, l := range labels {
		if PartOf(l) != "dev" {
			continue
		}
		for _, p := range l.Postings {
			if p.MinYears != nil && *p.MinYears > 0 && *p.MinYears <= 15 {
				seen[*p.MinYears] = true
			}
		}
	}
	words := []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"thirteen", "fourteen", "fifteen"}
	shapes := []struct {
		name string
		f    func(n int) string
	}{
		{"N+ years of experience", func(n int) string { return fmt.Sprintf("You have %d+ years of experience in software engineering", n) }},
		{"at least N years", func(n int) string { return fmt.Sprintf("At least %d years of professional experience with Python", n) }},
		{"a minimum of <word> years", func(n int) string {
			return fmt.Sprintf("A minimum of %s years of experience in data engineering", words[n])
		}},
		{"N-M yrs", func(n int) string { return fmt.Sprintf("%d-%d yrs experience in a similar role", n, n+2) }},
		{"N or more years", func(n int) string { return fmt.Sprintf("%d or more years of relevant work experience", n) }},
		{"minimum N years'", func(n int) string { return fmt.Sprintf("Minimum %d years' experience as a developer", n) }},
		{"de: mindestens N Jahre", func(n int) string {
			return fmt.Sprintf("Du hast mindestens %d Jahre Berufserfahrung in der Softwareentwicklung", n)
		}},
		{"sv: minst N års erfarenhet", func(n int) string { return fmt.Sprintf("Du har minst %d års erfarenhet av systemutveckling", n) }},
		{"nb: minst N års erfaring", func(n int) string { return fmt.Sprintf("Du har minst %d års erfaring med utvikling", n) }},
		{"fr: N ans d'expérience", func(n int) string { return fmt.Sprintf("Vous avez au moins %d ans d'expérience en développement", n) }},
		{"es: al menos N años", func(n int) string {
			return fmt.Sprintf("Al menos %d años de experiencia en desarrollo de software", n)
		}},
		{"nl: minimaal N jaar", func(n int) string { return fmt.Sprintf("Je hebt minimaal %d jaar werkervaring als developer", n) }},
	}
	var sb strings.Builder
	var misses []string
	for _, sh := range shapes {
		right, total := 0, 0
		for n := 1; n <= 15; n++ {
			if !seen[n] {
				continue
			}
			total++
			text := "We are a growing team. " + sh.f(n) + ". We offer a good salary."
			if got := normalize.MinYears(text); got != nil && *got == n {
				right++
			} else {
				g := "none"
				if got != nil {
					g = fmt.Sprint(*got)
				}
				misses = append(misses, fmt.Sprintf("%-28s %q -> %s", sh.name, sh.f(n), g))
			}
		}
		fmt.Fprintf(&sb, "%-28s %2d/%d\n", sh.name, right, total)
	}
	// more than ten years, said as "over a decade"
	if got := normalize.MinYears("We are a growing team. You have over a decade of experience in backend development. We offer a good salary."); got == nil || *got != 10 {
		misses = append(misses, fmt.Sprintf("%-28s %q -> %v", "over a decade", "over a decade of experience", got))
	}
	for _, m := range misses {
		sb.WriteString(m + "\n")
	}
	t.Logf("minimum years (the dev labels' numbers) in common shapes:\n%s", sb.String())
}

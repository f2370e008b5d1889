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

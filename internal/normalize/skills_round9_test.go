package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 9 on skills (issue 9): the sixth corpus round's dev postings (the
// Fronteers and DjangoCon job boards). The sentences marked with a slug
// are real, from dev documents of the real-world corpus (internal/corpus).

// A "(pré)" after one item of a list whose items are split by "|" marks
// that item only, not the whole line.
func TestPipeListPreMarksItsItem(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// fronteers-zig-lead-front-end-developer
			name: "pipe list with (pré)",
			raw: model.Raw{DescriptionText: "## Jouw skillset omvat:\n\n" +
				"HTML | CSS | CSS Transition| Typescript | SASS | ReactJs | Reduc | Capacitor | Storybook | NPM | Webpack |REST API’s | Jenkins | Material UI (pré) | Sketch (pré) | Illustrator (pré) | Animaties | Scrum/Agile (pré) | StencilJS (pré)\n"},
			want: model.Skills{Required: []string{"Capacitor", "HTML/CSS", "Jenkins", "REST APIs", "React", "Sass", "Storybook", "TypeScript", "Webpack", "npm"},
				Preferred: []string{"Adobe Illustrator", "Agile", "Material UI", "Scrum", "Sketch", "StencilJS"}},
		},
	})
}

// English "X; Y; and/or Z is a plus" after a sentence of what the dream
// candidate has: the marker of the last item, opened by "and"/"or", names
// every item the semicolons split since the sentence began.
func TestSemicolonListIsAPlus(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// djangocon21us-six-feet-up-senior-python-developer
			name: "and/or ... is a plus",
			raw:  model.Raw{DescriptionText: "Our dream candidate has Python web development experience; Unix/Linux systems deployment experience; and a passion for consulting, teamwork and solving problems. Terraform and Docker experience; AI/ML/Big Data experience; and/or an understanding of AWS API is a plus.\n"},
			want: model.Skills{Required: []string{"Linux", "Python", "Unix"},
				Preferred: []string{"AWS", "Artificial Intelligence", "Big Data", "Docker", "Machine Learning", "Terraform"}},
		},
	})
}

// Dutch "Pre's" heading and "is een enorme pre" mark preferences.
func TestDutchPre(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// fronteers-grrr-front-end-developer
			name: "Pre's heading",
			raw: model.Raw{DescriptionText: "## Solliciteer als...\n\n" +
				"-   Je HTML, CSS en JavaScript op hoog niveau schrijft. Je maakt code graag maintainable, performant en leesbaar.\n" +
				"-   Je over minstens 3 jaar werkervaring beschikt.\n\n" +
				"## Pre’s\n\n" +
				"-   Je hebt affiniteit met digitale toegankelijkheid.\n" +
				"-   Je hebt kennis van TypeScript.\n" +
				"-   Je kunt je redden met kleine PHP klusjes.\n" +
				"-   Je hebt een Github-profiel met open source projecten.\n"},
			want: model.Skills{Required: []string{"HTML/CSS", "JavaScript"}, Preferred: []string{"GitHub", "Open Source", "PHP", "TypeScript"}},
		},
		{
			// fronteers-stuurlui-wordpress-developer
			name: "een enorme pre",
			raw: model.Raw{DescriptionText: "## Wat wij zoeken:\n\n" +
				"-   Minimaal 3 jaar werkervaring in een soortgelijke functie;\n" +
				"-   Kennis van veelgebruikte WordPress plugins als ACF, Gravity forms en Woocommerce is een enorme pre!;\n" +
				"-   Ervaring met PHP, MySQL, HTML(5), CSS(3), JavaScript, jQuery;\n" +
				"-   Kennis van Git;\n"},
			want: model.Skills{Required: []string{"Git", "HTML/CSS", "JavaScript", "MySQL", "PHP", "jQuery"}, Preferred: []string{"Advanced Custom Fields", "Gravity Forms", "WooCommerce", "WordPress"}},
		},
		{
			// fronteers-easy-lms-front-end-developer-design-skills
			name: "it would be fantastic if",
			raw: model.Raw{DescriptionText: "## Is this job an option for me?\n\nYou are a match if you:\n\n" +
				"-   Know the basics of front-end development. You are familiar with HTML, CSS, CSS preprocessors such as Sass or Less, Javascript, and React.\n" +
				"-   Know how to work with Adobe Illustrator or want to learn.\n\n" +
				"It would be fantastic if you are highly interested in or have experience with:\n\n" +
				"-   Module bundlers and task runners (Webpack, Gulp, and NPM).\n" +
				"-   Design systems and internally developed component libraries.\n"},
			want: model.Skills{Required: []string{"HTML/CSS", "JavaScript", "Less", "React", "Sass"},
				Preferred: []string{"Adobe Illustrator", "Design Systems", "Gulp", "Webpack", "npm"}},
		},
	})
}

// The English prefix "pre-" marks nothing; Dutch "en" before "een pre"
// joins the list the marker names.
func TestPrePrefixAndDutchList(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			name: "pre-sales",
			raw:  model.Raw{DescriptionText: "Requirements:\n- Experience with Salesforce in a pre-sales role and with Python.\n"},
			want: model.Skills{Required: []string{"Python", "Salesforce"}},
		},
		{
			name: "een pre with en",
			raw:  model.Raw{DescriptionText: "Wat wij vragen:\n- Ervaring met Python.\n- Kennis van Docker en Kubernetes is een pre.\n"},
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"Docker", "Kubernetes"}},
		},
	})
}

// "X or want to learn" asks for X only as a wish: the candidate may learn it.
func TestOrWantToLearn(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// fronteers-easy-lms-front-end-developer-design-skills
			name: "or want to learn",
			raw: model.Raw{DescriptionText: "## Is this job an option for me?\n\nYou are a match if you:\n\n" +
				"-   Know the basics of front-end development. You are familiar with HTML, CSS, CSS preprocessors such as Sass or Less, Javascript, and React.\n" +
				"-   Know how to work with Adobe Illustrator or want to learn.\n"},
			want: model.Skills{Required: []string{"HTML/CSS", "JavaScript", "Less", "React", "Sass"}, Preferred: []string{"Adobe Illustrator"}},
		},
		{
			name: "want to learn without or",
			raw:  model.Raw{DescriptionText: "Requirements:\n- Experience with Python; we want to learn from you.\n"},
			want: model.Skills{Required: []string{"Python"}},
		},
	})
}

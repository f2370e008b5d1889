package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 8 of the taxonomy (issue 9 item 6): distinct tools that were aliases
// of another entry get their own, and the named tools of the corpus labels
// get entries. The sentences marked with a slug are real, from dev documents
// of the real-world corpus (internal/corpus).

func TestTaxonomyRound8SplitAliases(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// yer-staffing-text-senior-frontend-developer: Vitest was an alias of Vite
			name: "vite, vitest",
			raw: model.Raw{DescriptionText: "Qualifikation:\n• MUST: React, Typescript, Erfahrung mit DevOps Tools (Jira, Confluence, Gitlab)\n" +
				"• SHOULD: REST, vite, vitest, testing-library, tanstack-query, styled-components"},
			want: model.Skills{Required: []string{"Confluence", "DevOps", "GitLab", "Jira", "React", "TypeScript"},
				Preferred: []string{"REST APIs", "TanStack Query", "Vite", "Vitest", "styled-components"}},
		},
		{
			// github-greenhouse 1190593: Memcached was an alias of Redis
			name: "Redis and/or Memcached",
			raw:  model.Raw{DescriptionText: "Preferred qualifications:\n- Experience with MySQL, Redis and/or Memcached."},
			want: model.Skills{Preferred: []string{"Memcached", "MySQL", "Redis"}},
		},
		{
			// superluminar-senior-cloud-consultant: CloudFormation was an alias of Terraform
			name: "Cloudformation, Terraform, Chef",
			raw: model.Raw{DescriptionText: "Dein Profil:\n- Du kennst dich mit Configuration Management-Tools wie z.B. " +
				"Cloudformation, Terraform, Chef, etc. aus"},
			want: model.Skills{Required: []string{"AWS CloudFormation", "Chef", "Terraform"}},
		},
		{
			// consileon-text-senior-platform-engineer-golang-aws: a bare "IAM" is
			// no longer AWS IAM (the corpus's other "IAM" is an identity company's)
			name: "IAM and KMS",
			raw:  model.Raw{DescriptionText: "Requirements:\n• IAM and KMS (security concepts)"},
			want: model.Skills{Required: []string{"AWS KMS", "Identity and Access Management"}},
		},
		{
			name: "AWS IAM by its own names",
			raw:  model.Raw{DescriptionText: "Requirements:\n- You write least-privilege IAM policies and know AWS IAM well"},
			want: model.Skills{Required: []string{"AWS IAM"}},
		},
		{
			// mund-consulting-text-senior-java-developer: "GitLab CI" was Git (by GitLab)
			name: "GitLab CI",
			raw:  model.Raw{DescriptionText: "Ihr Profil:\n- Erfahrung mit Jenkins und GitLab CI"},
			want: model.Skills{Required: []string{"GitLab CI", "Jenkins"}},
		},
	})
}

func TestTaxonomyRound8NewEntries(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// djangocon21us-octopus-energy-backend-engineer
			name: "Django REST Framework, domain modelling",
			raw: model.Raw{DescriptionText: "What You'll Need\n- Python\n- Django\n- Django REST Framework\n" +
				"- Domain modelling\n- HTTP and REST APIs"},
			want: model.Skills{Required: []string{"Django", "Django REST Framework", "Domain Modeling", "HTTP", "Python", "REST APIs"}},
		},
		{
			// djangocon21us-six-feet-up-senior-project-manager
			name: "wireframing and UXpin",
			raw: model.Raw{DescriptionText: "Is this you?\nOur dream candidate has 10+ years in a software development PM role and " +
				"experience wireframing, prototyping and interpreting data and feedback using tools like UXpin or Balsamiq."},
			want: model.Skills{Required: []string{"Balsamiq", "Prototyping", "UXPin", "Wireframing"}},
		},
		{
			// fronteers-zig-lead-front-end-developer, its pipe list cut in two
			// (on one line, its "(pré)" items make the whole line preferred: a
			// matter of the sections, not of the taxonomy)
			name: "Capacitor and StencilJS in a pipe list",
			raw: model.Raw{DescriptionText: "Jouw skillset omvat:\nHTML | CSS | Typescript | SASS | ReactJs | Capacitor | " +
				"Storybook | NPM | Webpack\nStencilJS (pré)"},
			want: model.Skills{Required: []string{"Capacitor", "HTML/CSS", "React", "Sass", "Storybook", "TypeScript", "Webpack", "npm"},
				Preferred: []string{"StencilJS"}},
		},
		{
			// fronteers-stuurlui-wordpress-developer
			name: "ACF, Gravity forms",
			raw: model.Raw{DescriptionText: "Wat vragen wij?\n- Kennis van veelgebruikte WordPress plugins als ACF, " +
				"Gravity forms en Woocommerce"},
			want: model.Skills{Required: []string{"Advanced Custom Fields", "Gravity Forms", "WooCommerce", "WordPress"}},
		},
		{
			// fronteers-we-are-you-front-end-developer
			name: "PostCSS/Sass",
			raw: model.Raw{DescriptionText: "Wat we van je vragen:\n- ervaring met het ontwikkelen van web applicaties met " +
				"Javascript (ES6, ES7), PostCSS/Sass, en React"},
			want: model.Skills{Required: []string{"JavaScript", "PostCSS", "React", "Sass"}},
		},
		{
			// tor-project-pluggable-transport-developer
			name: "makefiles",
			raw:  model.Raw{DescriptionText: "Requirements:\n- You should know how to use makefiles."},
			want: model.Skills{Required: []string{"Make"}},
		},
		{
			name: "Apache and Varnish in a slash list",
			raw:  model.Raw{DescriptionText: "Nice to have:\n- configuration and installation of apache/nginx/memcached/varnish"},
			want: model.Skills{Preferred: []string{"Apache HTTP Server", "Memcached", "Nginx", "Varnish"}},
		},
	})
}

// Names that are ordinary words are found only among other skills: none of
// these sentences names a skill, in any bucket.
func TestTaxonomyRound8OrdinaryWords(t *testing.T) {
	for _, text := range []string{
		"Requirements:\n- Make sure every release is documented.",
		"Requirements:\n- You can solder a capacitor onto a board.",
		"Requirements:\n- You apply varnish to the furniture we restore.",
		"Requirements:\n- Our code is released under the Apache License 2.0.",
		"Requirements:\n- You follow the codex of our guild.",
		"Requirements:\n- You can read a stencil and cut it.",
		"Requirements:\n- You polish chrome and steel parts.",
	} {
		got := skillsOf(t, model.Raw{DescriptionText: text})
		all := slices.Concat(got.Required, got.Preferred, got.Mentioned)
		for _, s := range []string{"Make", "Capacitor", "Varnish", "Apache HTTP Server", "OpenAI Codex", "StencilJS", "Google Chrome"} {
			if slices.Contains(all, s) {
				t.Errorf("%q: found %s in %+v", text, s, got)
			}
		}
	}
}

package normalize

import (
	"reflect"
	"testing"
)

// TestTaxonomyS29 (session 29, taxonomy29): the Portuguese names of
// practices that Brazilian dev postings use (jr-coderockr-*,
// jr-ci-t-senior-developer-python-angular-ia), names taken from GitHub
// Explore's topics (NOTICE.skills), and the ordinary words among those
// names, which count only among other skills or only as written.
func TestTaxonomyS29(t *testing.T) {
	n := normalizer(t)
	tests := []struct {
		text string
		want []string
	}{
		// real dev sentences (corpus documents named above)
		{"Capacidade de criar Micro-serviços escalonáveis horizontalmente, baseados em técnicas de programação funcional e arquitetura hexagonal",
			[]string{"Functional Programming", "Hexagonal Architecture", "Microservices"}},
		{"Conhecimento em Cloud, ferramentas de análise de código, automação, e integração contínua", []string{"CI/CD"}},
		{"- Conhecimento em programação concorrente com asyncio, thread, processo e entendimento sobre o GIL", []string{"Concurrency"}},
		{"- Experiência em serviços que utilizam Mensageria (RabbitMQ, Kafka, ServiceBus, Redis) - Experiêcia em ferramentas de observabilidade como Datadog, Grafana, ELK",
			[]string{"Azure Service Bus", "Datadog", "ELK Stack", "Grafana", "Kafka", "Observability", "RabbitMQ", "Redis"}},
		// truecaller-system-engineer: the distribution beside Linux
		{"Cassandra, Scyladb, MySQL, Kafka, Elasticsearch, Redis, Memcache, Prometheus, Grafana, Debian Linux.",
			[]string{"Cassandra", "Debian", "Elasticsearch", "Grafana", "Kafka", "Linux", "Memcached", "MySQL", "Prometheus", "Redis", "ScyllaDB"}},
		// names of GitHub Explore topics
		{"Experience with LaTeX and Markdown for technical documentation", []string{"LaTeX", "Markdown"}},
		{"Languages: Ada, C and Rust", []string{"Ada", "C", "Rust"}},
		{"Crystal, Elixir or Ruby", []string{"Crystal", "Elixir", "Ruby"}},
		{"Bioinformatics, Python and R", []string{"Bioinformatics", "Python", "R"}},
		{"Familiarity with regular expressions and Bash", []string{"Bash", "Regular Expressions"}},
		{"Experience with generative adversarial networks (GANs) in PyTorch", []string{"Generative Adversarial Networks", "PyTorch"}},
		{"Koa, Fastify or Express", []string{"Express", "Fastify", "Koa"}},
		// ordinary-word traps (constructed): no skill
		{"a crystal clear vision for the product", []string{}},
		{"Hugo leads the team in Oslo", []string{}},
		{"Wear latex gloves in the laboratory", []string{}},
		{"Managing price markdown and promotions", []string{}},
		{"Bun and coffee every Friday", []string{}},
		{"Ada from our recruiting team will contact you", []string{}},
		{"Government stimulus came late", []string{}},
		{"a Babel of languages in the office", []string{}},
	}
	for _, tt := range tests {
		got := n.Skills(tt.text)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Skills(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

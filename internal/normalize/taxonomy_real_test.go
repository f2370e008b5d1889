package normalize

import (
	"reflect"
	"strings"
	"testing"
)

// ordinaryWords are names of skills added for issue 9 that are also
// ordinary words (English, or Nordic "oss"): they match only as written
// ("=") or only among other skills ("~"), never the word in lower case.
var ordinaryWords = []string{
	"Outlook", "Less", "Jade", "Cargo", "Drone", "Primer", "Apollo", "Outreach", "Milestone", "Amplitude",
	"Segment", "Census", "Heap", "Polars", "Starburst", "Hex", "Mage", "Dataflow", "Expo", "Fastlane",
	"Retrofit", "Sentry", "Honeycomb", "Jaeger", "Envoy", "HashiCorp Vault", "Consul", "Nomad", "Nix", "Celery",
	"Temporal", "Remix", "Phoenix", "Prisma", "Facebook", "Twitter", "Discord", "Vite", "Amazon Aurora",
}

func TestOrdinaryWordNamesAreCaseSensitive(t *testing.T) {
	tax, err := LoadTaxonomy(nil)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]SkillDef{}
	for _, s := range tax.Skills() {
		byName[s.Name] = s
	}
	for _, name := range ordinaryWords {
		s, ok := byName[name]
		if !ok {
			t.Errorf("%s: no taxonomy entry", name)
			continue
		}
		word := lastWord(name)
		for _, a := range aliasesOf(s) {
			if !caseSensitive(a) && strings.EqualFold(a, word) {
				t.Errorf("%s: alias %q matches the lower-case word; make it \"=%s\" or \"~%s\"", name, a, word, word)
			}
		}
	}
}

// Sentences of the dev part of the corpus (and ordinary words beside
// them): the taxonomy's new names and their limits.
func TestTaxonomyGrownFromCorpus(t *testing.T) {
	n := normalizer(t)
	tests := []struct {
		text string
		want []string
	}{
		// guangzhou-shenzhen-rust-engineer, zhihu-search-backend-engineer, ftquant
		{"对存储技术，网络安全、应用系统架构等有一定的认识。认同软件工程思维，熟悉面向对象技术", []string{"Object-Oriented Programming", "Security Engineering", "Storage Systems", "System Design"}},
		{"熟悉网络编程、多线程编程。熟悉搜索引擎", []string{"Computer Networking", "Multithreading", "Search"}},
		{"熟悉常用的设计 模式，有研发高性能，低时延系统经验加分", []string{"Design Patterns", "Low-Latency Systems"}},
		{"熟悉常用的设计模式", []string{"Design Patterns"}},
		// beijing-toronto-rust-blockchain-engineer
		{"熟悉或比特币等区块链模型及原理及开发经验；有分布式系统，中间件体系经验", []string{"Bitcoin", "Blockchain", "Distributed Systems", "Middleware"}},
		// dtd-text-security-engineer (Italian)
		{"Forte esperienza di lavoro con sistemi distribuiti su larga scala. Forte esperienza con crittografia applicata", []string{"Cryptography", "Distributed Systems"}},
		// teleport-sre; people's networking is no skill
		{"Have strong experience in Linux systems, networking, containers", []string{"Computer Networking", "Containerization", "Linux"}},
		{"We host networking events for our team.", []string{}},
		// variant (Swedish): "oss" is "us"; OSS as written is Open Source
		{"Hos oss kommer du att arbeta i olika kunduppdrag.", []string{}},
		{"Contributions to OSS projects", []string{"Open Source"}},
		// sparebank1-text-utvikler-masterdata, -produkteier-api
		{"ETL-erfaring, gjerne Informatica PowerCenter. Single sign-on and mTLS.", []string{"ETL", "Informatica PowerCenter", "Mutual TLS", "Single Sign-On"}},
		// ordinary words stay words; the product names count among skills
		{"We segment our census data by heap size in the outlook for the temporal phoenix.", []string{}},
		{"Dashboards in Looker, events through Segment and Amplitude, alerts in Sentry.", []string{"Amplitude", "Data Visualization", "Looker", "Segment", "Sentry"}},
		// the modern data stack, cloud services, LLM tooling, mobile
		{"DuckDB, Dagster, Hightouch and Unity Catalog on Cloud Run with Pub/Sub", []string{"Cloud Run", "Dagster", "DuckDB", "Google Pub/Sub", "Hightouch", "Unity Catalog"}},
		{"Build agents with DSPy and Ollama behind an MCP server, vectors in Qdrant", []string{"DSPy", "Model Context Protocol", "Ollama", "Qdrant"}},
		{"Ship Kotlin Multiplatform and Firebase apps through Fastlane and TestFlight", []string{"Fastlane", "Firebase", "Kotlin Multiplatform", "TestFlight"}},
	}
	for _, tt := range tests {
		if got := n.Skills(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Skills(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

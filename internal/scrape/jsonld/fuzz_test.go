package jsonld

import (
	"bytes"
	"net/url"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// FuzzExtract feeds arbitrary pages to the JSON-LD extractor: it must never
// panic, and every posting it returns has an id and is found again the
// same way.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`<script type="application/ld+json">{"@type":"JobPosting","title":"Data Engineer","identifier":{"@type":"PropertyValue","value":"42"},"baseSalary":{"@type":"MonetaryAmount","currency":"USD","value":{"@type":"QuantitativeValue","minValue":"100,000","maxValue":200000,"unitText":"YEAR"}},"jobLocationType":"TELECOMMUTE"}</script>`,
		`<script type="application/ld+json">[{"@graph":[{"@type":["JobPosting"],"title":"x","jobLocation":[{"@type":"Place","address":{"addressCountry":{"@type":"Country","name":"PL"}}}]}]}]</script>`,
		`<script type="application/ld+json"><!-- {"@type":"JobPosting","title":"a
b"} --></script>`,
		`<script type="application/ld+json">{"@type":"JobPosting",</script>`,
		`<script type="application/ld+json">{"mainEntity":{"mainEntity":{"mainEntity":{"@type":"JobPosting"}}}}</script>`,
		`<script type="application/ld+json">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>`,
		``, `<html>`,
	} {
		f.Add([]byte(s))
	}
	page, _ := url.Parse("https://careers.example.com/jobs/1?utm_source=x")
	f.Fuzz(func(t *testing.T, body []byte) {
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
		if err != nil {
			return
		}
		raws, err := Extract(doc, page)
		if err != nil {
			return
		}
		again, _ := Extract(doc, page)
		if len(again) != len(raws) {
			t.Fatalf("Extract is not deterministic: %d then %d postings", len(raws), len(again))
		}
		for i, r := range raws {
			if r.ID == "" {
				t.Fatalf("posting %d without id: %+v", i, r)
			}
			if r.ID != again[i].ID || r.Title != again[i].Title {
				t.Fatalf("posting %d differs between two extractions", i)
			}
		}
	})
}

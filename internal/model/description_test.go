package model

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestDescriptionPieces(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"One line", []string{"One line"}},
		{"Responsibilities\nBuild Kafka pipelines.\n", []string{"Responsibilities\n", "Build Kafka pipelines.\n"}},
		{"We build things. You will help us. Really!", []string{"We build things. ", "You will help us. ", "Really!"}},
		// quotes and brackets after the mark stay with the sentence
		{`They said "ship it." Then we shipped (twice.) Done.`, []string{`They said "ship it." `, `Then we shipped (twice.) `, "Done."}},
		// abbreviations, numbered items and decimals do not split
		{"Tools, e.g. dbt and Airflow, are used daily.", []string{"Tools, e.g. dbt and Airflow, are used daily."}},
		{"1. Build pipelines in Spark.", []string{"1. Build pipelines in Spark."}},
		{"Pay is 52.5 USD per hour. Benefits apply.", []string{"Pay is 52.5 USD per hour. ", "Benefits apply."}},
		// no split before a newline: the line ends the piece
		{"First sentence here. \nNext", []string{"First sentence here. \n", "Next"}},
		{"データを分析します。モデルを作ります。", []string{"データを分析します。", "モデルを作ります。"}},
		{"\n\n", []string{"\n", "\n"}},
	} {
		got := DescriptionPieces(tc.in)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("DescriptionPieces(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
		if j := strings.Join(got, ""); j != tc.in {
			t.Errorf("pieces of %q join to %q", tc.in, j)
		}
	}
}

// Any text comes back exactly from its pieces, and from its snapshot file.
func FuzzDescriptionRoundTrip(f *testing.F) {
	for _, s := range []string{"", "A. B", "Hello world. This is it.\nNext line!  Two spaces. x", "。。 。\n", "Mr. X. Y? z! \"Q.\" R"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if j := strings.Join(DescriptionPieces(s), ""); j != s {
			t.Fatalf("pieces of %q join to %q", s, j)
		}
		b, err := Encode(Posting{ID: "x", Description: s})
		if err != nil {
			t.Fatal(err)
		}
		p, err := Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		var want string // JSON holds valid UTF-8 only: as one string would come back
		js, _ := json.Marshal(s)
		json.Unmarshal(js, &want)
		if p.Description != want {
			t.Fatalf("description %q came back as %q", s, p.Description)
		}
		if again, _ := Encode(p); want == s && !bytes.Equal(again, b) {
			t.Fatalf("not canonical:\n%s\n%s", b, again)
		}
	})
}

func TestEncodeDescriptionOneLinePerSentence(t *testing.T) {
	years := 5
	p := Posting{ID: "1", Source: "s", Title: "T", MinYearsExperience: &years,
		Description: "About us\nWe make films. We also make <tools> & more.\nApply now."}
	b, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `  "min_years_experience": 5,
  "description": [
    "About us\n",
    "We make films. ",
    "We also make <tools> & more.\n",
    "Apply now."
  ]
}
`
	if !bytes.HasSuffix(b, []byte(want)) {
		t.Errorf("encoded:\n%s\nwant it to end with:\n%s", b, want)
	}
	empty, _ := Encode(Posting{ID: "2"})
	if !bytes.HasSuffix(empty, []byte(`  "min_years_experience": null,
  "description": []
}
`)) {
		t.Errorf("empty description:\n%s", empty)
	}
	// the field order is Posting's: description last, as before
	var keys []string
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.Token()
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var skip json.RawMessage
		dec.Decode(&skip)
	}
	typ := reflect.TypeFor[Posting]()
	var fields []string
	for i := range typ.NumField() {
		fields = append(fields, strings.Split(typ.Field(i).Tag.Get("json"), ",")[0])
	}
	if !reflect.DeepEqual(keys, fields) {
		t.Errorf("keys %v, want the struct's order %v", keys, fields)
	}
}

// Files of SnapshotFormat 1 (the description as one string), as older
// versions wrote them and the git history keeps them, still decode; event
// bodies (json.Marshal) keep the description as one string.
func TestDecodeOldFormatAndEvents(t *testing.T) {
	old := []byte(`{
  "id": "7",
  "source": "s",
  "title": "T",
  "levels": ["L5"],
  "min_years_experience": null,
  "description": "About us\nWe make films. We also make tools."
}
`)
	p, err := Decode(old)
	if err != nil {
		t.Fatal(err)
	}
	if p.Description != "About us\nWe make films. We also make tools." || p.Title != "T" || len(p.Levels) != 1 {
		t.Fatalf("decoded %+v", p)
	}
	b, _ := Encode(p)
	q, err := Decode(b)
	if err != nil || !reflect.DeepEqual(p, q) {
		t.Fatalf("new format round trip: %v\n%+v\n%+v", err, p, q)
	}
	ev, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(ev, []byte(`"description":"About us\nWe make films. We also make tools."`)) {
		t.Errorf("json.Marshal: %s", ev)
	}
	var r Posting
	if err := json.Unmarshal(ev, &r); err != nil || r.Description != p.Description {
		t.Errorf("event round trip: %v %q", err, r.Description)
	}
	for _, bad := range []string{`{"description": 5}`, `{"description": [1]}`, `{"title": 5}`} {
		if _, err := Decode([]byte(bad)); err == nil {
			t.Errorf("Decode(%s): no error", bad)
		}
	}
	if p, err := Decode([]byte(`{"id":"n","description":null}`)); err != nil || p.Description != "" {
		t.Errorf("null description: %v %q", err, p.Description)
	}
}

// The cost of the list form against the one string of SnapshotFormat 1,
// for a posting with a 5 KB description.
func BenchmarkEncode(b *testing.B) {
	para := "We build the systems that decide what to show. You will own pipelines in Spark and SQL, design experiments, and explain them to leadership. "
	p := Posting{ID: "1", Title: "Data Engineer", Description: strings.Repeat(para+"\n", 5000/len(para))}
	b.Run("pieces", func(b *testing.B) {
		for b.Loop() {
			if _, err := Encode(p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("one-string", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(p); err != nil {
				b.Fatal(err)
			}
		}
	})
}

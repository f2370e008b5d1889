package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

// encodeReflect is Encode as it was before appendStored: encoding/json's
// encoder, no HTML escaping, 2-space indent. appendStored must write the
// same bytes.
func encodeReflect(p Posting) ([]byte, error) {
	p.Canonical()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(stored{plainPosting(p), text(p.Description)}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func samplePostings() []Posting {
	seven := 7
	zero := 0
	odd := "quote \" backslash \\ <tag> & ' \b\f\n\r\t \x00\x01\x1f\x7f é 日本 \u2028 \u2029 bad \xff\xfe \xe2\x80 end"
	return []Posting{
		{},
		{ID: "1", Title: "Data Engineer", Description: "One. Two three four five.\nSix!"},
		{
			ID: "a/b", Source: "acme", Company: "Acme & Co", Title: odd, URL: "https://x.test/?a=1&b=<2>",
			RequisitionID: "R-1", Role: "data_engineer", Levels: []string{"senior", odd}, Team: "Data",
			Locations: []Location{{}, {City: "Berlin", Country: "DE"}, {Remote: true}, {Name: odd, Region: "BE"}, {City: "c", Region: "r", Country: "cc", Remote: true, Name: "n"}},
			Workplace: "hybrid", EmploymentType: "full_time", Language: "de",
			Salary: []Salary{
				{Min: 1, Max: 1, Currency: "EUR", Period: "year"},
				{Min: 52.5, Max: 1e21, Currency: "USD", Period: "hour"},
				{Min: 1e-7, Max: 0.000001, Currency: odd, Period: ""},
				{Min: -0.0, Max: -123456789.125, Currency: "", Period: "month"},
				{Min: 1e-300, Max: 1.7976931348623157e308},
				{Min: 5e-324, Max: 123456789012345678901234567890},
			},
			Posted:             "2026-12-01",
			Skills:             Skills{Required: []string{"SQL", "Go"}, Preferred: []string{odd}, Mentioned: []string{"x"}},
			Education:          Education{Required: []string{"Bachelor's"}, Preferred: []string{"PhD", "Master's"}},
			MinYearsExperience: &seven,
			Description:        "Responsibilities\nBuild Kafka pipelines. " + odd + "\n\nデータを分析します。モデルを作ります。",
		},
		{MinYearsExperience: &zero, Levels: []string{}, Skills: Skills{Mentioned: []string{""}}, Description: "\n"},
	}
}

func TestEncodeMatchesEncodingJSON(t *testing.T) {
	for i, p := range samplePostings() {
		checkEncode(t, fmt.Sprintf("posting %d", i), p)
	}
}

func TestEncodeRejectsNaNAndInfinity(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		p := Posting{Salary: []Salary{{Min: 1, Max: f}}}
		if _, err := encodeReflect(p); err == nil {
			t.Fatal("encoding/json took", f)
		}
		if b, err := Encode(p); err == nil {
			t.Errorf("Encode took %v: %s", f, b)
		}
	}
}

// Any strings, numbers and shapes give encoding/json's bytes.
func FuzzEncode(f *testing.F) {
	f.Add("x", "Title <b> & \"q\"", "Berlin", "", "A. B\nC", 1.5, 2.0, 3, true)
	f.Add("\xff", "\u2028\u2029", "\x00", "name", "", 1e-7, 1e21, -1, false)
	f.Add("", "", "", "", "", 0.0, -0.0, 0, false)
	f.Fuzz(func(t *testing.T, id, title, city, name, desc string, lo, hi float64, years int, remote bool) {
		p := Posting{
			ID: id, Title: title, Levels: []string{title, id}, Description: desc,
			Locations: []Location{{City: city, Name: name, Remote: remote}},
			Salary:    []Salary{{Min: lo, Max: hi, Currency: name, Period: city}},
			Skills:    Skills{Required: strings.Fields(desc)},
			Education: Education{Preferred: []string{name}},
		}
		if years >= 0 {
			p.MinYearsExperience = &years
		}
		want, werr := encodeReflect(p)
		got, gerr := Encode(p)
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("errors differ: encoding/json %v, Encode %v", werr, gerr)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("\n got %s\nwant %s", got, want)
		}
	})
}

// Encode against encoding/json's encoder (encodeReflect) for the fullest
// sample posting (about 1 KB) and one with a 5 KB description.
func BenchmarkEncodeStored(b *testing.B) {
	full := samplePostings()[2]
	para := "We build the systems that decide what to show. You will own pipelines in Spark and SQL, design experiments, and explain them to leadership. "
	long := Posting{ID: "1", Title: "Data Engineer", Locations: []Location{{City: "Berlin", Country: "DE"}}, Description: strings.Repeat(para+"\n", 5000/len(para))}
	for _, c := range []struct {
		name string
		p    Posting
	}{{"full", full}, {"5KB", long}} {
		b.Run(c.name+"/hand", func(b *testing.B) {
			for b.Loop() {
				if _, err := Encode(c.p); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/encoding-json", func(b *testing.B) {
			for b.Loop() {
				if _, err := encodeReflect(c.p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// fillAll sets every field of the value v points to, through nested
// structs, slices and pointers, to something other than its zero value.
func fillAll(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("x " + v.Type().String())
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(3)
	case reflect.Float64, reflect.Float32:
		v.SetFloat(1.5)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillAll(v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fillAll(v.Index(0))
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fillAll(v.Field(i))
			}
		}
	}
}

// TestEncodeKnowsEveryField holds the hand encoder to encoding/json for a
// posting whose every field, at every depth, is set: a field added to
// Posting, Location, Salary, Skills or Education and not written by
// appendStored fails here, even one marked omitempty that the samples
// leave empty.
func TestEncodeKnowsEveryField(t *testing.T) {
	var p Posting
	fillAll(reflect.ValueOf(&p).Elem())
	checkEncode(t, "a posting with every field set", p)
}

// checkEncode holds Encode's bytes for p to encoding/json's.
func checkEncode(t *testing.T, name string, p Posting) {
	t.Helper()
	want, err := encodeReflect(p)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s:\n got %s\nwant %s", name, got, want)
	}
}

package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestSummaryYears_s22: a Chinese listing's summary line names the
// experience it asks for as a field ("北京 | 1- 5年", dev
// sudo-privacy-rust-engineer); its smallest figure is one more stated
// minimum, as a platform's field.
func TestSummaryYears_s22(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text string
		want int // -1: none
	}{
		{"## Rust研发工程师\n\n北京 | 1- 5年\n\n### 职位要求\n\n1、计算机相关专业本科及以上学历，具有两年以上Rust/C++开发经验。", 1},
		{"上海 | 3年以上 | 本科\n\n任职要求：熟悉Go", 3},
		{"深圳 | 经验3-5年 | 本科\n\n任职要求：5年以上Go开发经验", 3},
		// unchanged: no summary line; a year in a long line is no field
		{"任职要求：两年以上Rust开发经验", 2},
		{"公司成立于2015年 | 总部位于北京，团队规模超过百人，欢迎加入我们一起打造下一代数据库产品", -1},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Rust研发工程师", DescriptionText: tt.text})
		got := -1
		if p.MinYearsExperience != nil {
			got = *p.MinYearsExperience
		}
		if got != tt.want {
			t.Errorf("%q -> %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestYearForms_s22: experience written as hedges, words, brackets and
// abbreviations (issue 9 item 5); maxima and years not asked of the
// candidate stay none. No dev document writes these forms; the sentences
// follow real ads.
func TestYearForms_s22(t *testing.T) {
	tests := []struct {
		text string
		want int // -1: none
	}{
		{"Erste Berufserfahrung (1-2 Jahre) in der Softwareentwicklung", 1},
		{"Experience level: Mid (3-5 years)", 3},
		{"Première expérience (1 an minimum) en data.", 1},
		{"Experience with customers (2 years minimum) is required.", 2},
		{"Posiadasz minimum 3-letnie doświadczenie w programowaniu.", 3},
		{"A decade or more of experience.", 10},
		{"5-plus years in backend roles.", 5},
		{"3+ YOE in backend.", 3},
		// unchanged: no experience, a maximum, the article "an"
		{"You will join us (3 years contract) to build pipelines.", -1},
		{"Pay: $25 an hour, 2 shifts.", -1},
		{"bis zu 3 Jahre Berufserfahrung", -1},
		{"Ideal for graduates with up to 2 years of experience.", -1},
	}
	for _, tt := range tests {
		got := -1
		if y := MinYears(tt.text); y != nil {
			got = *y
		}
		if got != tt.want {
			t.Errorf("MinYears(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

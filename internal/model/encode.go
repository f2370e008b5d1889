package model

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// appendStored writes the snapshot form of p (Encode's bytes) to dst without
// encoding/json's reflection, intermediate compact form and second pass
// for the indent: the same bytes as a json.Encoder with SetEscapeHTML(false)
// and SetIndent("", "  ") writes for stored{plainPosting(p),
// text(p.Description)} (TestEncodeMatchesEncodingJSON and FuzzEncode hold
// it to that). p is canonical (no nil slice but MinYearsExperience).
func appendStored(dst []byte, p *Posting) ([]byte, error) {
	dst = append(dst, "{\n"...)
	dst = field(dst, 1, "id", p.ID)
	dst = field(dst, 1, "source", p.Source)
	dst = field(dst, 1, "company", p.Company)
	dst = field(dst, 1, "title", p.Title)
	dst = field(dst, 1, "url", p.URL)
	dst = field(dst, 1, "requisition_id", p.RequisitionID)
	dst = field(dst, 1, "role", p.Role)
	dst = stringList(dst, 1, "levels", p.Levels)
	dst = append(dst, ",\n"...)
	dst = field(dst, 1, "team", p.Team)
	dst = key(dst, 1, "locations")
	if len(p.Locations) == 0 {
		dst = append(dst, "[]"...)
	} else {
		dst = append(dst, "[\n"...)
		for i, l := range p.Locations {
			if i > 0 {
				dst = append(dst, ",\n"...)
			}
			dst = appendLocation(dst, l)
		}
		dst = append(dst, "\n  ]"...)
	}
	dst = append(dst, ",\n"...)
	dst = field(dst, 1, "workplace", p.Workplace)
	dst = field(dst, 1, "employment_type", p.EmploymentType)
	dst = field(dst, 1, "language", p.Language)
	dst = key(dst, 1, "salary")
	if len(p.Salary) == 0 {
		dst = append(dst, "[]"...)
	} else {
		dst = append(dst, "[\n"...)
		for i, s := range p.Salary {
			if i > 0 {
				dst = append(dst, ",\n"...)
			}
			var err error
			if dst, err = appendSalary(dst, s); err != nil {
				return nil, err
			}
		}
		dst = append(dst, "\n  ]"...)
	}
	dst = append(dst, ",\n"...)
	dst = field(dst, 1, "posted", p.Posted)
	dst = key(dst, 1, "skills")
	dst = append(dst, "{\n"...)
	dst = stringList(dst, 2, "required", p.Skills.Required)
	dst = append(dst, ",\n"...)
	dst = stringList(dst, 2, "preferred", p.Skills.Preferred)
	dst = append(dst, ",\n"...)
	dst = stringList(dst, 2, "mentioned", p.Skills.Mentioned)
	dst = append(dst, "\n  },\n"...)
	dst = key(dst, 1, "education")
	dst = append(dst, "{\n"...)
	dst = stringList(dst, 2, "required", p.Education.Required)
	dst = append(dst, ",\n"...)
	dst = stringList(dst, 2, "preferred", p.Education.Preferred)
	dst = append(dst, "\n  },\n"...)
	dst = key(dst, 1, "min_years_experience")
	if p.MinYearsExperience == nil {
		dst = append(dst, "null"...)
	} else {
		dst = strconv.AppendInt(dst, int64(*p.MinYearsExperience), 10)
	}
	dst = append(dst, ",\n"...)
	dst = stringList(dst, 1, "description", DescriptionPieces(p.Description))
	return append(dst, "\n}\n"...), nil
}

// indents are the leading spaces of depth 0-4.
const indents = "        "

// key writes the indent of depth, "name" and ": ".
func key(dst []byte, depth int, name string) []byte {
	dst = append(dst, indents[:2*depth]...)
	dst = append(dst, '"')
	dst = append(dst, name...) // the names are plain ASCII
	return append(dst, `": `...)
}

// field writes one string member and the ",\n" after it.
func field(dst []byte, depth int, name, v string) []byte {
	dst = key(dst, depth, name)
	dst = appendString(dst, v)
	return append(dst, ",\n"...)
}

// stringList writes one member holding a list of strings ([] when empty),
// without anything after it.
func stringList(dst []byte, depth int, name string, vs []string) []byte {
	dst = key(dst, depth, name)
	if len(vs) == 0 {
		return append(dst, "[]"...)
	}
	dst = append(dst, "[\n"...)
	for i, v := range vs {
		if i > 0 {
			dst = append(dst, ",\n"...)
		}
		dst = append(dst, indents[:2*depth+2]...)
		dst = appendString(dst, v)
	}
	dst = append(dst, '\n')
	dst = append(dst, indents[:2*depth]...)
	return append(dst, ']')
}

// appendLocation writes one location at depth 2 of a list, its empty
// members left out ({} when all are).
func appendLocation(dst []byte, l Location) []byte {
	dst = append(dst, "    {"...)
	n := 0
	member := func(name string) {
		if n > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '\n')
		dst = key(dst, 3, name)
		n++
	}
	if l.City != "" {
		member("city")
		dst = appendString(dst, l.City)
	}
	if l.Region != "" {
		member("region")
		dst = appendString(dst, l.Region)
	}
	if l.Country != "" {
		member("country")
		dst = appendString(dst, l.Country)
	}
	if l.Remote {
		member("remote")
		dst = append(dst, "true"...)
	}
	if l.Name != "" {
		member("name")
		dst = appendString(dst, l.Name)
	}
	if n > 0 {
		dst = append(dst, "\n    "...)
	}
	return append(dst, '}')
}

// appendSalary writes one salary at depth 2 of a list.
func appendSalary(dst []byte, s Salary) ([]byte, error) {
	var err error
	dst = append(dst, "    {\n"...)
	dst = key(dst, 3, "min")
	if dst, err = appendFloat(dst, s.Min); err != nil {
		return nil, err
	}
	dst = append(dst, ",\n"...)
	dst = key(dst, 3, "max")
	if dst, err = appendFloat(dst, s.Max); err != nil {
		return nil, err
	}
	dst = append(dst, ",\n"...)
	dst = field(dst, 3, "currency", s.Currency)
	dst = key(dst, 3, "period")
	dst = appendString(dst, s.Period)
	return append(dst, "\n    }"...), nil
}

// appendFloat writes f as encoding/json writes a float64: the shortest
// decimal that reads back as f, in exponent form below 1e-6 and from 1e21
// on (with a one-digit negative exponent written without its leading 0);
// NaN and the infinities are an error, as there.
func appendFloat(dst []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, &json.UnsupportedValueError{Value: reflect.ValueOf(f), Str: strconv.FormatFloat(f, 'g', -1, 64)}
	}
	a := math.Abs(f)
	if a == 0 || (a >= 1e-6 && a < 1e21) {
		return strconv.AppendFloat(dst, f, 'f', -1, 64), nil
	}
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, 'e', -1, 64)
	// "e-07" -> "e-7"
	if e := dst[start:]; len(e) >= 4 {
		n := len(dst)
		if dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst, nil
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string the way encoding/json does without
// HTML escaping: '"' and '\\' escaped, the control characters as \b \f \n
// \r \t or \u00XX, U+2028 and U+2029 as \u2028 and \u2029, and each byte
// of invalid UTF-8 as \ufffd.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

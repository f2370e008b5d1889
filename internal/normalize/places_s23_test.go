package normalize

import "testing"

// TestWorldRegionsFollowCodes_s23: places_world.txt gives each city the
// first-level division of its own GeoNames admin1 code; where the codes
// of a country changed (Vietnam 2025, Kazakhstan 2022, South Sudan,
// Indonesia's new Papua provinces) the region is the new one, never the
// name of another division that happened to get the old code.
func TestWorldRegionsFollowCodes_s23(t *testing.T) {
	tests := []struct{ label, city, region, country string }{
		{"Ho Chi Minh City, Vietnam", "Ho Chi Minh City", "Ho Chi Minh City", "VN"},
		{"Da Nang, Vietnam", "Da Nang", "Da Nang", "VN"},
		{"Nha Trang, Vietnam", "Nha Trang", "Khanh Hoa", "VN"},
		{"Cần Thơ, Vietnam", "Cần Thơ", "Can Tho", "VN"},
		{"Juba, South Sudan", "Juba", "Central Equatoria", "SS"},
		{"Semey, Kazakhstan", "Semey", "Abai Region", "KZ"},
		{"Sorong, Indonesia", "Sorong", "Southwest Papua", "ID"},
	}
	for _, tt := range tests {
		got := Locations(tt.label)
		if len(got) != 1 || got[0].City != tt.city || got[0].Region != tt.region || got[0].Country != tt.country {
			t.Errorf("Locations(%q) = %+v, want %s|%s|%s", tt.label, got, tt.city, tt.region, tt.country)
		}
	}
}

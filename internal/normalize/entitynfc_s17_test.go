package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"golang.org/x/text/unicode/norm"
)

// Re-read s17 F7: a combining mark written as a character reference
// (Zu&#776;rich) is decoded after the text was put in NFC: the
// description is in NFC all the same, the posting written either way the
// same.
func TestEntityCombiningMarkDescriptionIsNFC(t *testing.T) {
	n := New(nil)
	a := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionHTML: "<p>Team in Z&#252;rich, Python.</p><p><b>Ort:</b> Zu&#776;rich</p>"})
	b := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionHTML: "<p>Team in Zu&#776;rich, Python.</p><p><b>Ort:</b> Z&#xfc;rich</p>"})
	if a.Description != b.Description || !norm.NFC.IsNormalString(a.Description) {
		t.Errorf("%q vs %q", a.Description, b.Description)
	}
}

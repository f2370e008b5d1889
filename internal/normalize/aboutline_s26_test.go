package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// In pasted text (no markup), "About MongoDB" on a line of its own ends
// the nice-to-haves before it, though no list follows it: the clouds the
// company's platform runs on are mentioned, not preferred (dev
// cjr-mongodb-senior-software-engineer-server-networking-security).
func TestAboutLineEndsThePartS26(t *testing.T) {
	n := New(nil)
	text := "Bonus points for:\n\nUnderstanding of network protocols, TLS, and connection lifecycle management\n\n" +
		"About MongoDB\n\nMongoDB is built for change, empowering our customers and our people to innovate at the speed of the market. " +
		"Our cloud-native platform, MongoDB Atlas, is the only globally distributed, multi-cloud data platform and is available across AWS, Google Cloud, and Microsoft Azure.\n"
	p := n.Normalize("s", "MongoDB", model.Raw{ID: "1", Title: "Senior Software Engineer", DescriptionText: text})
	if !slices.Contains(p.Skills.Preferred, "TLS") {
		t.Errorf("TLS not preferred: %+v", p.Skills)
	}
	for _, s := range []string{"AWS", "GCP", "Azure"} {
		if slices.Contains(p.Skills.Preferred, s) || slices.Contains(p.Skills.Required, s) {
			t.Errorf("%s asked for: %+v", s, p.Skills)
		}
	}
}

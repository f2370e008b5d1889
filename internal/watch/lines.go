package watch

import (
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/diff"
	"github.com/careers-watcher/careers-watcher/internal/model"
)

// maxTitle bounds a title in a commit body.
const maxTitle = 100

// line is a posting in a commit body: id and title, control characters and
// bidirectional overrides out, the title cut.
func line(p model.Posting) string {
	return diff.Clean(p.ID) + " " + diff.Truncate(diff.Clean(p.Title), maxTitle)
}

// changedLines is a changed posting in a commit body: "~ id title", then
// one indented line per changed field, old -> new (diff.Lines):
//
//	~ 790311790854 Software Engineer (L5)
//	  salary USD 100,000-720,000 -> 120,000-750,000/year
//	  skills.required +PyTorch -Java
func changedLines(p model.Posting, changes []model.Change) string {
	var b strings.Builder
	b.WriteString("~ " + line(p))
	for _, l := range diff.Lines(changes) {
		b.WriteString("\n  " + l)
	}
	return b.String()
}

package normalize

import (
	"slices"
	"testing"
)

// Session 36 (issue 9 item 6): tools of office, finance, HR, health-record,
// design, engineering and GIS work from O*NET's Technology Skills
// (NOTICE.skills, list 6). O*NET's vendor-prefixed forms name the product,
// not the vendor's database ("Oracle PeopleSoft" is no Oracle Database,
// "Amazon Elastic Compute Cloud" no Elasticsearch); names that are ordinary
// words ("audacity", "quicken", "constant contact", "ab initio", the
// French verb "cerner") match only as written or among other skills.
func TestOnetToolsS36(t *testing.T) {
	n := normalizer(t)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Experience with Oracle PeopleSoft, JD Edwards or Oracle Hyperion", []string{"JD Edwards", "Oracle Hyperion", "PeopleSoft"}},
		{"Proficient in Intuit QuickBooks, Sage 50 and Adobe Acrobat", []string{"Adobe Acrobat", "QuickBooks", "Sage 50"}},
		{"Experience with Oracle Java and Apache Groovy", []string{"Groovy", "Java"}},
		{"Amazon Elastic Compute Cloud and Amazon Simple Storage Service", []string{"Amazon EC2", "Amazon S3"}},
		{"Reports in Microsoft SQL Server Reporting Services", []string{"SSRS"}},
		{"Charting in Epic Systems, Cerner or eClinicalWorks", []string{"Cerner", "Epic EHR", "eClinicalWorks"}},
		{"HCPCS and CPT coding; athenahealth a plus", []string{"HCPCS", "athenahealth"}},
		{"Timekeeping in Kronos and payroll in ADP Workforce Now or UltiPro", []string{"ADP Workforce Now", "Kronos", "UltiPro"}},
		{"Tools: Audacity, Camtasia, Articulate 360", []string{"Articulate", "Audacity", "Camtasia"}},
		{"Tools: Blackboard, Moodle and Canvas LMS", []string{"Blackboard Learn", "Canvas LMS", "Moodle"}},
		{"Design in CorelDRAW, QuarkXPress and Adobe InCopy", []string{"Adobe InCopy", "CorelDRAW", "QuarkXPress"}},
		{"Modelling in Abaqus, Ansys Fluent and STAAD.Pro", []string{"Abaqus", "Ansys Fluent", "STAAD.Pro"}},
		{"GIS: ArcView, MapInfo, ERDAS IMAGINE and GRASS GIS", []string{"ArcGIS", "ERDAS IMAGINE", "GIS", "GRASS GIS", "MapInfo"}},
		{"Mainframe: COBOL, JCL, CICS and PL/I", []string{"CICS", "COBOL", "JCL", "Mainframe", "PL/I"}},
		{"Unix (AIX, HP-UX, Solaris) administration", []string{"AIX", "HP-UX", "Solaris", "Unix"}},
		{"Newsletters with Constant Contact and Hootsuite", []string{"Constant Contact", "Hootsuite"}},
		{"Ab Initio, DataStage or Pentaho", []string{"Ab Initio", "DataStage", "Pentaho"}},
		{"Research in LexisNexis and Westlaw", []string{"LexisNexis", "Westlaw"}},
		// ordinary words and phrases: no skill
		{"You have the audacity to quicken our pace and keep constant contact with clients.", []string{}},
		{"Ab initio calculations of molecular structure", []string{}},
		{"Il faut cerner les besoins des clients.", []string{}},
		{"A spice rack, a grass lawn, a blast of air and a desk lamp.", []string{}},
		{"The longview of our teammate: time matters.", []string{}},
		{"Write on the blackboard during the keynote.", []string{}},
		// phrases that name no product unless written as one
		{"Step 7: send us your CV. We give you a solid edge and adaptive planning.", []string{}},
		{"Our commitment to EDI shows in every hire.", []string{}},
		{"Visit our Google sites in Zurich and Munich.", []string{}},
		{"Process assessment to Automotive SPICE, ISO 26262 and C++", []string{"C++"}},
		// LTspice is a product of its own under SPICE (review s36b F5)
		{"Circuit simulation in SPICE or LTspice, layout in Altium", []string{"Altium", "LTspice", "SPICE"}},
		{"PLC programming in STEP 7, EDI, SAP and Solid Edge", []string{"EDI", "PLC", "SAP", "SIMATIC STEP 7", "Solid Edge"}},
	} {
		if got := n.Skills(c.text); !slices.Equal(got, c.want) {
			t.Errorf("Skills(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

package normalize

import (
	"reflect"
	"strings"
	"testing"
)

// Round 9 of the taxonomy (issue 9 item 6): an alias names the same thing
// as its entry (a spelling, abbreviation, translation, version or a part
// shipped inside it); a product, tool, language or practice with a name of
// its own is an entry of its own, with a parent where a broader entry
// exists (PROTOCOL.md, canonical names).

func TestTaxonomyRound9Splits(t *testing.T) {
	n := normalizer(t)
	tests := []struct {
		text string
		want []string
	}{
		// each split name alone is its own entry, not the one it was merged into
		{"Experience with Helm charts", []string{"Helm"}},
		{"Experience with Jenkins, GitHub Actions or Spinnaker", []string{"GitHub Actions", "Jenkins", "Spinnaker"}},
		{"OpenSearch, Lucene or Solr", []string{"Lucene", "OpenSearch", "Solr"}},
		{"MariaDB and ScyllaDB", []string{"MariaDB", "ScyllaDB"}},
		{"Neo4j or another graph database", []string{"Graph Databases", "Neo4j"}},
		{"FAISS, Pinecone, Milvus, Weaviate, Qdrant, ChromaDB, pgvector or LanceDB", []string{"Chroma", "FAISS", "LanceDB", "Milvus", "Pinecone", "Qdrant", "Weaviate", "pgvector"}},
		{"XGBoost, LightGBM, CatBoost and other gradient boosting libraries", []string{"CatBoost", "Gradient Boosting", "LightGBM", "XGBoost"}},
		{"JAX and Flax; NumPy and SciPy", []string{"Flax", "JAX", "NumPy", "SciPy"}},
		{"Triton Inference Server, SGLang, TensorRT-LLM and Megatron-LM", []string{"Megatron-LM", "SGLang", "TensorRT-LLM", "Triton Inference Server"}},
		{"Prometheus, Grafana and Datadog", []string{"Datadog", "Grafana", "Prometheus"}},
		{"Protobuf and Apache Thrift", []string{"Protocol Buffers", "Thrift"}},
		{"CUDA kernels, Triton, NCCL, TPUs", []string{"CUDA", "NCCL", "TPUs", "Triton"}},
		{"Linux or UNIX", []string{"Linux", "Unix"}},
		{"Google Sheets or other spreadsheets", []string{"Google Sheets", "Spreadsheets"}},
		{"Unity or Unreal Engine", []string{"Unity", "Unreal Engine"}},
		{"S3, EC2, SageMaker, AWS Lambda, EMR, EKS and Fargate", []string{"AWS Fargate", "AWS Lambda", "Amazon EC2", "Amazon EKS", "Amazon EMR", "Amazon S3", "Amazon SageMaker"}},
		{"Vertex AI, GKE and Azure ML", []string{"Azure Machine Learning", "GKE", "Vertex AI"}},
		{"GPT, BERT and LLaMA", []string{"BERT", "GPT", "LLaMA"}},
		{"R and RStudio; Ruby on Rails", []string{"R", "RStudio", "Ruby on Rails"}},
		{"Spring Framework", []string{"Spring"}},
		{"Apollo GraphQL", []string{"Apollo"}},
		{"Azure AD and on-premise Active Directory", []string{"Active Directory", "Microsoft Entra ID"}},
		{"SOA and microservices", []string{"Microservices", "Service-Oriented Architecture"}},
		{"LibreOffice, MotherDuck and SonarCloud", []string{"LibreOffice", "MotherDuck", "SonarCloud"}},
		{"containers and Docker; IaC with Terraform; version control with Git", []string{"Containerization", "Docker", "Git", "Infrastructure as Code", "Terraform", "Version Control"}},
		// the names the split entries were taken out of keep their own aliases
		{"k8s, Postgres, GitHub, Apache Spark", []string{"Git", "Kubernetes", "PostgreSQL", "Spark"}},
		// the split names that are ordinary words match only as written
		{"She was at the helm of a thrift shop selling flax and chroma keys off the rails; ask Bert.", []string{}},
		{"dataflow diagrams", []string{}},
	}
	for _, tt := range tests {
		if got := n.Skills(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Skills(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTaxonomyParents(t *testing.T) {
	tax, err := LoadTaxonomy(nil)
	if err != nil {
		t.Fatal(err)
	}
	for child, parent := range map[string]string{
		"Helm": "Kubernetes", "Jenkins": "CI/CD", "FAISS": "Vector Databases", "Amazon S3": "AWS",
		"GKE": "GCP", "LightGBM": "Gradient Boosting", "XGBoost": "Gradient Boosting", "Neo4j": "Graph Databases",
		"Kubernetes": "", "MariaDB": "", "no such skill": "",
	} {
		if got := tax.Parent(child); got != parent {
			t.Errorf("Parent(%q) = %q, want %q", child, got, parent)
		}
	}
	names := map[string]bool{}
	for _, s := range tax.Skills() {
		names[s.Name] = true
	}
	for _, s := range tax.Skills() {
		if s.Parent != "" && (!names[s.Parent] || s.Parent == s.Name) {
			t.Errorf("%s: parent %q", s.Name, s.Parent)
		}
	}
	// config entries: a parent must name an entry, and parents never loop
	if _, err := LoadTaxonomy([]SkillDef{{Name: "Kubernetes", Parent: "Docker"}}); err != nil {
		t.Errorf("a config parent naming an entry: %v", err)
	}
	for _, tt := range []struct {
		extra []SkillDef
		want  string
	}{
		{[]SkillDef{{Name: "Helmfile", Category: "infrastructure", Parent: "Helmet"}}, `skill "Helmfile": parent "Helmet" is no taxonomy entry`},
		{[]SkillDef{{Name: "Kubernetes", Parent: "Helm"}}, `its parents come back to`},
		{[]SkillDef{{Name: "Docker", Parent: "Docker"}}, `skill "Docker": its own parent`},
	} {
		if _, err := LoadTaxonomy(tt.extra); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("LoadTaxonomy(%+v) = %v, want an error with %q", tt.extra, err, tt.want)
		}
	}
}

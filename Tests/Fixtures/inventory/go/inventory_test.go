package inventory

import (
	"os"
	"testing"
)

// TestInComment(t *testing.T) is not a test: it is in a comment.
/*
func TestInBlockComment(t *testing.T) {}
*/

const raw = `
func TestInRawString(t *testing.T) {}
`

var quoted = "func TestInString(t *testing.T) {} /* not a comment"

var rune1, rune2 = '"', '`'

func TestMain(m *testing.M) { os.Exit(m.Run()) }

func TestAdd(t *testing.T) {
	if 1+1 != 2 {
		t.Fatal("func TestInsideString(t *testing.T)")
	}
}

func TestSubtests(t *testing.T) {
	t.Run("one", func(t *testing.T) {})
	t.Run("two", func(t *testing.T) {})
}

func Test(t *testing.T) {}

func Test_underscore(t *testing.T) {}

func Test2(t *testing.T) {}

func TestÉcole(t *testing.T) {}

func Testlowercase(t *testing.T) {}

func Testé(t *testing.T) {}

func testHelper(t *testing.T) {}

type suite struct{}

func (s *suite) TestMethod(t *testing.T) {}

func TestUnnamedParameter(*testing.T) {}

func TestMultiLine(
	t *testing.T,
) {
}

func BenchmarkAdd(b *testing.B) {}

func FuzzAdd(f *testing.F) { f.Fuzz(func(t *testing.T, a int) {}) }

func ExampleAdd() {
	// Output:
}

var _ = func(t *testing.T) {}

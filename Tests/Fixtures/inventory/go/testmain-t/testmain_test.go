package testmaint

import "testing"

// With a *testing.T parameter, TestMain is an ordinary test.
func TestMain(t *testing.T) {}

func TestOther(t *testing.T) {}

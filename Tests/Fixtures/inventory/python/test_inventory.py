"""Module docstring mentioning def test_in_docstring(): which is not a test."""
import sys
import unittest

import pytest

# def test_in_comment(): not a test
TEMPLATE = '''
def test_in_triple_quoted_string():
    pass
'''
OTHER = "def test_in_string(): pass"


def helper():
    def test_nested_in_helper():
        pass
    return test_nested_in_helper


def test_module_level():
    def test_nested_in_test():
        pass
    assert f"{'def test_in_fstring(): pass'}"


async def test_async():
    pass


@pytest.mark.parametrize("value", [1, 2, 3])
def test_parametrized(value):
    assert value


def testable_prefix_counts():
    pass


if sys.version_info >= (3, 8):
    def test_in_if_block():
        pass


class TestPlain:
    def test_method(self):
        """Docstring with
        def test_in_method_docstring(self): pass
        """

    def helper_method(self):
        pass

    class TestNested:
        def test_inner(self):
            pass


class TestWithInit:
    def __init__(self):
        self.value = 1

    def test_not_collected(self):
        pass


class Helpers:
    def test_not_in_test_class(self):
        pass


class CalculatorCase(unittest.TestCase):
    def test_unittest_method(self):
        self.assertEqual(
            1,
            1,
        )

    def test_second_unittest_method(self):
        pass


def test_last(
    a=(1,
       2),
):
    pass

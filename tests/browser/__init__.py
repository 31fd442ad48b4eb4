"""Tests of the Classic UI views."""

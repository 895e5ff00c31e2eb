"""CSL styles written by this project (CC BY-SA 3.0), shipped as package data."""

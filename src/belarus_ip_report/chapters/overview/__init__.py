"""The overview: key findings and the three stories on one time line, from the chapters' models."""

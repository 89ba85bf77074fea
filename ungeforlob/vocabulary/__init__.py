"""A shared language: the municipality's glossary, local role descriptions, organisations' approaches, method tags and the target group's age bounds."""

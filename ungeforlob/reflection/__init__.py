"""The model in our municipality: the model's elements and guiding questions, reflections with agreed actions and maturity, and the contact persons' competence profiles."""

"""Building and measuring the NER model: corpus readers, training driver, scorer (not used at run time)."""

"""A measure's page (« Mesure »): its tabs, visits, dialogs, renewal, timeline and bilans;
creating a measure."""

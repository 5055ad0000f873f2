"""The dashboard (« Tableau de bord »): the day's alerts, their actions, the week's visits and
the scope bar."""

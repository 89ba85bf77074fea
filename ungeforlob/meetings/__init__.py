"""Chain meetings (kædemøder): standing cross-sector meetings, agendas with young people, decisions as tasks, meeting participants and .ics invitations, and cooperation agreements."""

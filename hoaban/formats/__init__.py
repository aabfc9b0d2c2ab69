"""How editors type dates in the admin, per language (Django's FORMAT_MODULE_PATH).

The first input format of each list is also the one the admin's date pickers write and show
(hoaban.core.forms), so what a field shows is always what the server reads back: Vietnamese
dd/mm/yyyy, Russian dd.mm.yyyy, and ISO yyyy-mm-dd in English. English editors come from
both the month-first and the day-first habit, and either slash form is misread by one of
them; ISO is read one way by everybody. No list accepts a month-first form. Django adds the
ISO forms to every list, so ISO always works. Display formats (month names) stay Django's.
"""

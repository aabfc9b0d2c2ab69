"""Optional two-step sign-in for editors: a TOTP authenticator app on top of the password.

Built on django-otp's devices and token checks; the admin screens are ours because wagtail-2fa
(the Wagtail wrapper around django-otp) does not run on Wagtail 8.
"""

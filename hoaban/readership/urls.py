from django.urls import path

from . import views

app_name = "readership"
urlpatterns = [path("", views.beacon, name="beacon")]

from django.urls import path

from mitra.followups import views

app_name = "followups"
urlpatterns = [
    path("activities/new/", views.log_activity, name="log_activity"),
    path("activities/contacts/", views.contact_choices, name="contact_choices"),
    path("activities/<int:pk>/", views.activity, name="activity"),
    path("activities/<int:pk>/edit/", views.edit_activity, name="edit_activity"),
    path("activities/<int:pk>/void/", views.void_activity, name="void_activity"),
    path("activities/<int:pk>/attachment/", views.download_attachment, name="attachment"),
    path("tasks/", views.task_list, name="tasks"),
    path("tasks/mine/", views.my_tasks, name="my_tasks"),
    path("tasks/new/", views.create_task, name="create_task"),
    path("tasks/<int:pk>/complete/", views.complete_task, name="complete_task"),
    path("tasks/<int:pk>/cancel/", views.cancel_task, name="cancel_task"),
    path("tasks/<int:pk>/reassign/", views.reassign_task, name="reassign_task"),
    path("needs-follow-up/", views.needs_follow_up, name="needs_follow_up"),
]

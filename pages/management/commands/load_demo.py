import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from pages.demo.loader import load_demo

# One demo account per role group (documents migration 0005), so the review
# workflow can be tried without creating users first.
ROLE_ACCOUNTS = [
    # username, group (role), name shown in the admin
    ("bientap-demo", "Biên tập viên", "Biên tập viên"),
    ("lanhdao-demo", "Lãnh đạo duyệt", "Lãnh đạo duyệt"),
    ("quantri-demo", "Quản trị", "Quản trị viên"),
]


class Command(BaseCommand):
    help = (
        "Load the demo site (idempotent) and create the demo admin user and one "
        "user per role."
    )

    def handle(self, *args, **options):
        created = load_demo()
        self.stdout.write(f"Demo content: {len(created)} page(s) created.")
        self.ensure_admin()
        self.ensure_role_accounts()

    def ensure_admin(self):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            return
        password = self.demo_password()
        User.objects.create_superuser("admin", "admin@example.invalid", password)
        self.report_password("Demo admin", "admin", password)

    def ensure_role_accounts(self):
        """Create ``bientap-demo``, ``lanhdao-demo`` and ``quantri-demo`` unless they exist
        (a later run never changes a password or a group)."""
        User = get_user_model()
        for username, group_name, first_name in ROLE_ACCOUNTS:
            if User.objects.filter(username=username).exists():
                continue
            password = self.demo_password()
            user = User.objects.create_user(
                username,
                f"{username}@example.invalid",
                password,
                first_name=first_name,
            )
            user.groups.add(Group.objects.get(name=group_name))
            self.report_password(f"Demo user ({group_name})", username, password)

    @staticmethod
    def demo_password() -> str:
        return os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)

    def report_password(self, label: str, username: str, password: str):
        if os.environ.get("DEMO_ADMIN_PASSWORD"):
            self.stdout.write(f"{label} '{username}' created with DEMO_ADMIN_PASSWORD.")
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"{label} created: user '{username}', password '{password}' "
                    "(shown only this once)."
                )
            )

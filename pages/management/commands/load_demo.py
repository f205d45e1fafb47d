import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from pages.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo site (idempotent) and create the demo admin user."

    def handle(self, *args, **options):
        created = load_demo()
        self.stdout.write(f"Demo content: {len(created)} page(s) created.")
        self.ensure_admin()

    def ensure_admin(self):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            return
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.invalid", password)
        if os.environ.get("DEMO_ADMIN_PASSWORD"):
            self.stdout.write("Demo admin 'admin' created with DEMO_ADMIN_PASSWORD.")
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"Demo admin created: user 'admin', password '{password}' "
                    "(shown only this once)."
                )
            )

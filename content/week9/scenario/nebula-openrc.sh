# OpenStack credentials for Nebula Inc. (project nebula_prod, user nebula_admin)
export OS_PROJECT_DOMAIN_NAME=Default
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_NAME=nebula_prod
export OS_USERNAME=nebula_admin
export OS_PASSWORD=N3bulaPass
export OS_AUTH_URL=http://controller:5000/v3
export OS_IDENTITY_API_VERSION=3
export OS_IMAGE_API_VERSION=2
export OS_REGION_NAME=RegionOne

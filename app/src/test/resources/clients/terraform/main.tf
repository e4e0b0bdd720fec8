terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

variable "strata" {
  type = string
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    bedrock = var.strata
  }
}

resource "aws_bedrock_provisioned_model_throughput" "chat" {
  provisioned_model_name = "tf-chat"
  model_arn              = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:24k"
  model_units            = 1
  commitment_duration    = "OneMonth"
}
